package dev.writ.resourceserver.jwt;

import java.time.Clock;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKMatcher;
import dev.writ.resourceserver.test.TestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The JWKS cache against a real HTTP endpoint. */
class JwkSetCacheTests {

	private TestIssuer issuer;

	private JwkSetCache cache;

	@BeforeEach
	void start() {
		this.issuer = TestIssuer.start();
		this.cache = new JwkSetCache(Mono.just(this.issuer.issuer() + "/oauth2/jwks"), WebClient.create(),
				Clock.systemUTC());
	}

	@AfterEach
	void stop() {
		this.issuer.close();
	}

	@Test
	void selectWhenKnownKidThenFetchedOnceAndCached() {
		for (int i = 0; i < 3; i++) {
			StepVerifier.create(this.cache.select(matcher(this.issuer.rsaKey().getKeyID())))
				.assertNext((keys) -> assertThat(keys).hasSize(1))
				.verifyComplete();
		}
		assertThat(this.issuer.requests("/oauth2/jwks")).isOne();
	}

	@Test
	void selectWhenUnknownKidsRepeatedThenRefetchedAtMostOncePerInterval() {
		StepVerifier.create(this.cache.select(matcher(this.issuer.rsaKey().getKeyID())))
			.expectNextCount(1)
			.verifyComplete();
		for (int i = 0; i < 20; i++) {
			StepVerifier.create(this.cache.select(matcher("made-up-" + i)))
				.assertNext((keys) -> assertThat(keys).isEmpty())
				.verifyComplete();
		}
		assertThat(this.issuer.requests("/oauth2/jwks")).isOne();
	}

	@Test
	void selectWhenServerDownAndNothingCachedThenJwtException() {
		this.issuer.close();
		StepVerifier.create(this.cache.select(matcher("any")))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(JwtException.class)
				.hasMessageStartingWith("the issuer's signing keys are unavailable"))
			.verify();
	}

	private static JWKMatcher matcher(String kid) {
		return JWKMatcher.forJWSHeader(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build());
	}

}
