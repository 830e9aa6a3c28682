package dev.writ.server.oauth2.revocation;

import java.time.Duration;
import java.time.Instant;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.writ.server.test.TestAuthServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static dev.writ.server.test.TokenRequests.M2M_ID;
import static dev.writ.server.test.TokenRequests.M2M_SECRET;
import static dev.writ.server.test.TokenRequests.basic;
import static dev.writ.server.test.TokenRequests.form;
import static dev.writ.server.test.TokenRequests.m2mToken;
import static dev.writ.server.test.TokenRequests.post;
import static org.assertj.core.api.Assertions.assertThat;

/** Token revocation (RFC 7009) and what it writes to Redis for resource servers. */
class RevocationEndpointTests {

	private static TestAuthServer server;

	private static WebTestClient client;

	private static ReactiveStringRedisTemplate redis;

	@BeforeAll
	static void start() {
		server = TestAuthServer.demo();
		client = server.client();
		redis = server.bean(ReactiveStringRedisTemplate.class);
	}

	@Test
	void revokeWhenOwnTokenThenListedUntilExpiryAndPublished() throws Exception {
		String token = m2mToken(client, null);
		JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
		String expected = "{\"jti\":\"" + claims.getJWTID() + "\",\"exp\":"
				+ claims.getExpirationTime().getTime() / 1000 + "}";
		ReactiveRedisMessageListenerContainer listener = new ReactiveRedisMessageListenerContainer(
				server.bean(ReactiveRedisConnectionFactory.class));
		try {
			// receiveLater completes once SUBSCRIBE is acknowledged, so the message
			// cannot slip past.
			Flux<String> messages = listener.receiveLater(ChannelTopic.of("writ:revocations"))
				.block()
				.map((message) -> message.getMessage());
			StepVerifier.create(messages.filter(expected::equals).next().timeout(Duration.ofSeconds(5)))
				.then(() -> post(client, "/oauth2/revoke", basic(M2M_ID, M2M_SECRET),
						form("token", token, "token_type_hint", "access_token"))
					.expectStatus()
					.isOk()
					.expectHeader()
					.valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
					.expectBody()
					.isEmpty())
				.expectNext(expected)
				.verifyComplete();
		}
		finally {
			listener.destroy();
		}
		String key = "writ:revoked:at:" + claims.getJWTID();
		assertThat(redis.opsForValue().get(key).block())
			.isEqualTo(Long.toString(claims.getExpirationTime().getTime() / 1000));
		Duration ttl = redis.getExpire(key).block();
		Duration remaining = Duration.between(Instant.now(), claims.getExpirationTime().toInstant());
		assertThat(ttl).isBetween(remaining.minusSeconds(5), remaining.plusSeconds(1));
	}

	@Test
	void revokeWhenUnknownTokenThenOk() {
		post(client, "/oauth2/revoke", basic(M2M_ID, M2M_SECRET), form("token", "not-a-token")).expectStatus().isOk();
	}

	@Test
	void revokeWhenUnknownHintThenStillRevoked() throws Exception {
		String token = m2mToken(client, null);
		post(client, "/oauth2/revoke", basic(M2M_ID, M2M_SECRET), form("token", token, "token_type_hint", "whatever"))
			.expectStatus()
			.isOk();
		String jti = SignedJWT.parse(token).getJWTClaimsSet().getJWTID();
		assertThat(redis.hasKey("writ:revoked:at:" + jti).block()).isTrue();
	}

	@Test
	void revokeWhenTokenOfAnotherClientThenRefusedAndNotRevoked() throws Exception {
		String token = m2mToken(client, null);
		post(client, "/oauth2/revoke", basic("demo-web", "demo-web-secret"), form("token", token)).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("unauthorized_client");
		String jti = SignedJWT.parse(token).getJWTClaimsSet().getJWTID();
		assertThat(redis.hasKey("writ:revoked:at:" + jti).block()).isFalse();
	}

	@Test
	void revokeWhenWrongSecretThenInvalidClient() {
		post(client, "/oauth2/revoke", basic(M2M_ID, "wrong"), form("token", "x")).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"writ\"");
	}

	@Test
	void revokeWhenTokenMissingThenInvalidRequest() {
		post(client, "/oauth2/revoke", basic(M2M_ID, M2M_SECRET), form()).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("invalid_request");
	}

}
