package dev.writ.resourceserver.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.writ.resourceserver.test.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The introspection check against a real HTTP endpoint: credentials, answers, and the
 * failure policy.
 */
class IntrospectionRevocationCheckTests {

	private static TestIssuer issuer;

	@BeforeAll
	static void start() {
		issuer = TestIssuer.start();
	}

	@AfterAll
	static void stop() {
		issuer.close();
	}

	@Test
	void checkWhenActiveThenCompletes() {
		StepVerifier.create(check(TestIssuer.INTROSPECTION_CLIENT_SECRET, FailurePolicy.REJECT).check(token("at_1")))
			.verifyComplete();
	}

	@Test
	void checkWhenInactiveThenTokenRevoked() {
		issuer.revoke("at_2");
		StepVerifier.create(check(TestIssuer.INTROSPECTION_CLIENT_SECRET, FailurePolicy.ACCEPT).check(token("at_2")))
			.expectErrorSatisfies((ex) -> assertThat(ex).hasMessage("token revoked"))
			.verify();
	}

	@Test
	void checkWhenClientCredentialsWrongAndPolicyRejectThenUnavailable() {
		StepVerifier.create(check("wrong", FailurePolicy.REJECT).check(token("at_3")))
			.expectErrorSatisfies((ex) -> assertThat(ex).hasMessage("token revocation status unavailable"))
			.verify();
	}

	@Test
	void checkWhenEndpointUnreachableAndPolicyAcceptThenCompletes() {
		IntrospectionRevocationCheck check = new IntrospectionRevocationCheck(
				Mono.just("http://127.0.0.1:1/introspect"), WebClient.create(), "id", "secret", Duration.ofSeconds(10),
				FailurePolicy.ACCEPT, Clock.systemUTC());
		StepVerifier.create(check.check(token("at_4"))).verifyComplete();
	}

	private static IntrospectionRevocationCheck check(String secret, FailurePolicy policy) {
		return new IntrospectionRevocationCheck(Mono.just(issuer.issuer() + "/oauth2/introspect"), WebClient.create(),
				TestIssuer.INTROSPECTION_CLIENT_ID, secret, Duration.ofSeconds(10), policy, Clock.systemUTC());
	}

	private static Jwt token(String jti) {
		String value = issuer.mint(com.nimbusds.jose.JWSAlgorithm.RS256, (claims) -> claims.jwtID(jti));
		return Jwt.withTokenValue(value)
			.header("alg", "RS256")
			.jti(jti)
			.expiresAt(Instant.now().plusSeconds(60))
			.build();
	}

}
