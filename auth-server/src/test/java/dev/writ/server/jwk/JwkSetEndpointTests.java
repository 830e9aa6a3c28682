package dev.writ.server.jwk;

import java.util.Map;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.writ.server.test.TestAuthServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /oauth2/jwks} over HTTP, on a whole auth-server. */
class JwkSetEndpointTests {

	private static TestAuthServer server;

	@BeforeAll
	static void start() {
		server = TestAuthServer.start(Map.of("writ.keys.algorithm", "ES256", "writ.keys.jwks-max-age", "2m"));
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void getWhenJwksThenPublicKeysAsJwkSetWithCacheHeaders() throws Exception {
		SigningKey current = server.context().getBean(SigningKeys.class).current().block();
		String body = server.client()
			.get()
			.uri("/oauth2/jwks")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("application/jwk-set+json")
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=120")
			.expectHeader()
			.doesNotExist(HttpHeaders.PRAGMA)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		JWKSet set = JWKSet.parse(body);
		assertThat(set.getKeys()).extracting(JWK::getKeyID).containsExactly(current.kid());
		JWK key = set.getKeys().get(0);
		assertThat(key.isPrivate()).isFalse();
		assertThat(key.toJSONObject()).containsOnlyKeys("kty", "crv", "x", "y", "kid", "use", "alg")
			.containsEntry("kty", "EC")
			.containsEntry("crv", "P-256")
			.containsEntry("use", "sig")
			.containsEntry("alg", "ES256");
	}

	@Test
	void getWhenTokenSignedWithCurrentKeyThenSpringSecurityVerifiesItFromJwksUri() throws Exception {
		SignedJWT jwt = SigningAlgorithmTests.sign(server.context().getBean(SigningKeys.class).current().block());
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(server.baseUrl() + "/oauth2/jwks")
			.jwsAlgorithm(SignatureAlgorithm.ES256)
			.validateType(false)
			.build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(new JwtTypeValidator("at+jwt")));
		assertThat(decoder.decode(jwt.serialize()).block().getSubject()).isEqualTo("alice");
	}

	@Test
	void postWhenJwksThenNotAllowed() {
		server.client().post().uri("/oauth2/jwks").exchange().expectStatus().is4xxClientError();
	}

}
