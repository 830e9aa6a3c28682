package dev.writ.resourceserver.revocation;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import dev.writ.devstack.DevStack;
import dev.writ.resourceserver.test.RunningApi;
import dev.writ.resourceserver.test.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.awaitility.Awaitility.await;

/**
 * A revoked token is refused over HTTP, in both revocation modes, the way the
 * authorization server revokes.
 */
class RevocationTests {

	private static TestIssuer issuer;

	private static RunningApi redisApi;

	private static RunningApi introspectionApi;

	private static ReactiveStringRedisTemplate redis;

	@BeforeAll
	static void start() {
		issuer = TestIssuer.start();
		redisApi = RunningApi.start(issuer, Map.of("writ.resource-server.revocation.mode", "redis",
				"spring.data.redis.url", DevStack.shared().redis().url()));
		introspectionApi = RunningApi.start(issuer,
				Map.of("writ.resource-server.revocation.mode", "introspection",
						"writ.resource-server.revocation.client-id", TestIssuer.INTROSPECTION_CLIENT_ID,
						"writ.resource-server.revocation.client-secret", TestIssuer.INTROSPECTION_CLIENT_SECRET,
						"writ.resource-server.revocation.cache-ttl", "1s"));
		redis = new ReactiveStringRedisTemplate(redisApi.context().getBean(ReactiveRedisConnectionFactory.class));
	}

	@AfterAll
	static void stop() {
		introspectionApi.close();
		redisApi.close();
		issuer.close();
	}

	@Test
	void redisModeWhenTokenRevokedThenTokenRevoked() {
		String jti = "at_" + UUID.randomUUID();
		String token = issuer.mint(JWSAlgorithm.RS256, (claims) -> claims.jwtID(jti));
		get(redisApi, token).expectStatus().isOk();
		revokeAsTheServerDoes(jti);
		await().atMost(Duration.ofSeconds(1))
			.untilAsserted(() -> get(redisApi, token).expectStatus()
				.isUnauthorized()
				.expectHeader()
				.valueEquals(HttpHeaders.WWW_AUTHENTICATE,
						"Bearer error=\"invalid_token\", error_description=\"token revoked\"")
				.expectBody()
				.json("""
						{"error":"invalid_token","error_description":"token revoked"}""", true));
	}

	@Test
	void redisModeWhenOtherTokenRevokedThenTokenStillAccepted() {
		revokeAsTheServerDoes("at_" + UUID.randomUUID());
		get(redisApi, issuer.mint(JWSAlgorithm.RS256, (claims) -> {
		})).expectStatus().isOk();
	}

	@Test
	void introspectionModeWhenTokenRevokedThenRefusedOnceCacheExpires() {
		String jti = "at_" + UUID.randomUUID();
		String token = issuer.mint(JWSAlgorithm.RS256, (claims) -> claims.jwtID(jti));
		int before = issuer.requests("/oauth2/introspect");
		get(introspectionApi, token).expectStatus().isOk();
		get(introspectionApi, token).expectStatus().isOk();
		// The second request was answered from the cache.
		org.assertj.core.api.Assertions.assertThat(issuer.requests("/oauth2/introspect")).isEqualTo(before + 1);
		issuer.revoke(jti);
		await().atMost(Duration.ofSeconds(3))
			.untilAsserted(() -> get(introspectionApi, token).expectStatus()
				.isUnauthorized()
				.expectBody()
				.jsonPath("$.error_description")
				.isEqualTo("token revoked"));
	}

	private static void revokeAsTheServerDoes(String jti) {
		long exp = Instant.now().plusSeconds(300).getEpochSecond();
		redis.opsForValue()
			.set(RedisRevocationListener.KEY_PREFIX + jti, Long.toString(exp), Duration.ofSeconds(300))
			.then(redis.convertAndSend(RedisRevocationListener.CHANNEL,
					"{\"jti\":\"" + jti + "\",\"exp\":" + exp + "}"))
			.block();
	}

	private static WebTestClient.ResponseSpec get(RunningApi api, String token) {
		return api.client().get().uri("/me").headers((headers) -> headers.setBearerAuth(token)).exchange();
	}

}
