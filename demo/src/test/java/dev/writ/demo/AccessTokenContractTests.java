package dev.writ.demo;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access token verifies against the published JWKS with Nimbus and follows the token
 * contract (RFC 9068).
 */
class AccessTokenContractTests {

	private static DemoStack product;

	@BeforeAll
	static void start() {
		product = RunningProduct.shared();
	}

	@Test
	void accessTokenWhenVerifiedWithJwksThenFollowsContract() throws Exception {
		String jwks = RunningProduct.client(product.authServerUrl())
			.get()
			.uri("/oauth2/jwks")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		// RFC 9068 §4: the typ header must be at+jwt.
		processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
		processor.setJWSKeySelector(
				new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(JWKSet.parse(jwks))));
		processor.setJWTClaimsSetVerifier(
				new DefaultJWTClaimsVerifier<>(new JWTClaimsSet.Builder().issuer(product.authServerUrl()).build(),
						Set.of("iss", "sub", "aud", "client_id", "iat", "exp", "jti", "scope", "org", "role")));

		String token = RunningProduct.m2mToken(product.authServerUrl(), "read:projects write:projects");
		JWTClaimsSet claims = processor.process(token, null);

		assertThat(claims.getSubject()).isEqualTo("demo-m2m");
		assertThat(claims.getStringClaim("client_id")).isEqualTo("demo-m2m");
		assertThat(claims.getAudience()).isEqualTo(List.of(DemoStack.SAMPLE_API_AUDIENCE));
		assertThat(claims.getStringClaim("scope")).isEqualTo("read:projects write:projects");
		assertThat(claims.getStringClaim("org")).isEqualTo("org_acme");
		assertThat(claims.getStringClaim("role")).isEqualTo("member");
		// what the role allows, so that a resource server need not know the
		// organization's roles
		assertThat(claims.getStringListClaim("permissions")).containsExactlyInAnyOrder("projects:read",
				"projects:write", "deployments:read", "deployments:write");
		assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
			.isEqualTo(Duration.ofMinutes(5));
	}

}
