package dev.writ.resourceserver.apitoken;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.writ.devstack.DevStack;
import dev.writ.resourceserver.revocation.RedisRevocationListener;
import dev.writ.resourceserver.test.RunningApi;
import dev.writ.resourceserver.test.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * API tokens over HTTP: introspected at a real RFC 7662 endpoint, cached, mapped to the
 * same principal and authorities as an access token, and refused once revoked (through
 * the revocation channel, even while cached) or expired.
 */
class ApiTokenTests {

	private static final String INTROSPECT = "/oauth2/introspect";

	private static TestIssuer issuer;

	private static RunningApi api;

	private static RunningApi withoutApiTokens;

	private static RunningApi wrongCredentials;

	private static ReactiveStringRedisTemplate redis;

	@BeforeAll
	static void start() {
		issuer = TestIssuer.start();
		api = RunningApi.start(issuer,
				Map.of("writ.resource-server.revocation.mode", "redis", "spring.data.redis.url",
						DevStack.shared().redis().url(), "writ.resource-server.api-tokens.client-id",
						TestIssuer.INTROSPECTION_CLIENT_ID, "writ.resource-server.api-tokens.client-secret",
						TestIssuer.INTROSPECTION_CLIENT_SECRET));
		withoutApiTokens = RunningApi.start(issuer, Map.of());
		wrongCredentials = RunningApi.start(issuer, Map.of("writ.resource-server.api-tokens.client-id",
				TestIssuer.INTROSPECTION_CLIENT_ID, "writ.resource-server.api-tokens.client-secret", "wrong"));
		redis = new ReactiveStringRedisTemplate(api.context().getBean(ReactiveRedisConnectionFactory.class));
	}

	@AfterAll
	static void stop() {
		wrongCredentials.close();
		withoutApiTokens.close();
		api.close();
		issuer.close();
	}

	private static String newId() {
		return "pat_" + UUID.randomUUID().toString().replace("-", "");
	}

	private static WebTestClient.ResponseSpec get(RunningApi api, String path, String token) {
		return api.client().get().uri(path).headers((headers) -> headers.setBearerAuth(token)).exchange();
	}

	private static void assertInvalidToken(WebTestClient.ResponseSpec response, String description) {
		response.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer error=\"invalid_token\", error_description=\"" + description + "\"");
	}

	@Test
	void requestWhenActiveApiTokenThenSamePrincipalAsAnAccessToken() {
		String id = newId();
		String token = issuer.apiToken(id, "read:projects", Instant.now().plusSeconds(600));

		get(api, "/me", token).expectStatus().isOk().expectBody().json("""
				{"subject":"usr_alice","clientId":"%s","organization":"org_acme","role":"MEMBER",
				 "scopes":["read:projects"],"tokenId":"%s"}""".formatted(id, id), true);
		get(api, "/authorities", token).expectStatus()
			.isOk()
			.expectBody()
			.json("""
					["FACTOR_BEARER","PERMISSION_deployments:read","PERMISSION_deployments:write",
					 "PERMISSION_projects:read","PERMISSION_projects:write","ROLE_ORG_MEMBER","SCOPE_read:projects"]""",
					false);
	}

	@Test
	void requestWhenScopeMissingThenInsufficientScope() {
		String token = issuer.apiToken(newId(), "read:projects", Instant.now().plusSeconds(600));

		get(api, "/annotated/scope", token).expectStatus()
			.isForbidden()
			.expectHeader()
			.value(HttpHeaders.WWW_AUTHENTICATE, (value) -> assertThat(value).contains("error=\"insufficient_scope\"")
				.contains("scope=\"write:projects\""));
	}

	@Test
	void requestWhenRepeatedThenIntrospectedOnce() {
		String token = issuer.apiToken(newId(), "read:projects", Instant.now().plusSeconds(600));
		get(api, "/me", token).expectStatus().isOk();
		int introspections = issuer.requests(INTROSPECT);

		get(api, "/me", token).expectStatus().isOk();
		get(api, "/me", token).expectStatus().isOk();

		assertThat(issuer.requests(INTROSPECT)).isEqualTo(introspections);
	}

	@Test
	void requestWhenRevokedWhileCachedThenRefusedWithinOneSecond() {
		String id = newId();
		String token = issuer.apiToken(id, "read:projects", Instant.now().plusSeconds(600));
		get(api, "/me", token).expectStatus().isOk();

		issuer.revoke(id);
		long exp = Instant.now().plusSeconds(600).getEpochSecond();
		redis.opsForValue()
			.set(RedisRevocationListener.KEY_PREFIX + id, Long.toString(exp), Duration.ofSeconds(600))
			.then(redis.convertAndSend(RedisRevocationListener.CHANNEL, "{\"jti\":\"" + id + "\",\"exp\":" + exp + "}"))
			.block();
		Instant revokedAt = Instant.now();

		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(20))
			.untilAsserted(() -> assertInvalidToken(get(api, "/me", token), "token revoked"));
		assertThat(Duration.between(revokedAt, Instant.now())).isLessThan(Duration.ofSeconds(1));
	}

	@Test
	void requestWhenExpiredThenRefusedThoughCached() {
		String token = issuer.apiToken(newId(), "read:projects", Instant.now().plusSeconds(2));
		get(api, "/me", token).expectStatus().isOk();

		await().atMost(Duration.ofSeconds(4))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertInvalidToken(get(api, "/me", token), ApiTokenIntrospector.INACTIVE));
	}

	@Test
	void requestWhenUnknownApiTokenThenInvalidToken() {
		assertInvalidToken(get(api, "/me", "writ_pat_unknown"), ApiTokenIntrospector.INACTIVE);
	}

	@Test
	void requestWhenServiceHasNoIntrospectionClientThenApiTokensRefused() {
		String token = issuer.apiToken(newId(), "read:projects", Instant.now().plusSeconds(600));

		assertInvalidToken(get(withoutApiTokens, "/me", token), ApiTokenAwareJwtDecoder.NOT_ACCEPTED);
		get(withoutApiTokens, "/me", issuer.accessToken(RunningApi.AUDIENCE, "read:projects")).expectStatus().isOk();
	}

	@Test
	void requestWhenIntrospectionRefusesTheServiceThenStatusUnavailable() {
		String token = issuer.apiToken(newId(), "read:projects", Instant.now().plusSeconds(600));

		assertInvalidToken(get(wrongCredentials, "/me", token), ApiTokenIntrospector.UNAVAILABLE);
	}

	@Test
	void requestWhenAccessTokenThenStillValidatedAsBefore() {
		get(api, "/me", issuer.accessToken(RunningApi.AUDIENCE, "read:projects")).expectStatus().isOk();
		get(api, "/me", issuer.accessToken("https://other.example", "read:projects")).expectStatus().isUnauthorized();
	}

}
