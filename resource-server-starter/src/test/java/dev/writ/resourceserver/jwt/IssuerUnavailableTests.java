package dev.writ.resourceserver.jwt;

import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import dev.writ.resourceserver.test.RunningApi;
import dev.writ.resourceserver.test.TestIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

/**
 * A service starts before its authorization server, and answers 503 (not 500, not 401)
 * while it cannot check.
 */
class IssuerUnavailableTests {

	@Test
	void requestWhenIssuerNeverReachedThenServiceUnavailableWithoutDetails() {
		TestIssuer issuer = TestIssuer.start();
		String token = issuer.mint(JWSAlgorithm.RS256, (claims) -> {
		});
		issuer.close();
		try (RunningApi api = RunningApi.start(issuer, Map.of())) {
			api.client()
				.get()
				.uri("/me")
				.headers((headers) -> headers.setBearerAuth(token))
				.exchange()
				.expectStatus()
				.isEqualTo(503)
				.expectHeader()
				.valueEquals(HttpHeaders.RETRY_AFTER, "5")
				.expectHeader()
				.doesNotExist(HttpHeaders.WWW_AUTHENTICATE)
				.expectBody()
				.json("""
						{"error":"temporarily_unavailable","error_description":"the token cannot be verified right now"}""",
						true);
		}
	}

}
