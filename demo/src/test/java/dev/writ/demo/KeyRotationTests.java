package dev.writ.demo;

import java.time.Duration;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import dev.writ.devstack.DevStack;
import dev.writ.devstack.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Key rotation seen from outside: a token signed before a rotation still validates at
 * sample-api after it, tokens of the new key validate too, and the old key leaves the
 * JWKS once its retention has passed. Lifetimes are seconds here so that the retention
 * can pass within the test.
 */
class KeyRotationTests {

	private static DemoStack product;

	@BeforeAll
	static void start() {
		product = DemoStack.start(DevStack.shared(), FreePorts.find(), FreePorts.find(),
				Map.of("writ.token.access-token-time-to-live", "4s", "writ.token.max-access-token-time-to-live", "4s",
						"writ.keys.retention", "5s", "writ.keys.check-interval", "500ms", "writ.keys.jwks-max-age",
						"10s", "writ.keys.publication-lead", "11s"),
				Map.of());
	}

	@AfterAll
	static void stop() {
		product.close();
	}

	@Test
	void rotateWhenOnDemandThenOldTokensStillValidAndOldKeyLeavesAfterRetention() throws Exception {
		// The publication lead (11 s) exceeds the JWKS max-age (10 s, the starter's
		// shortest cache time): sample-api
		// knows the new key before it signs.
		WebTestClient api = RunningProduct.client(product.sampleApiUrl());
		String before = RunningProduct.m2mToken(product.authServerUrl(), null);
		String oldKid = kid(before);
		projects(api, before).expectStatus().isOk();

		RunningProduct.client(product.authServerManagementUrl())
			.post()
			.uri("/actuator/signingkeys")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"immediate\":false}")
			.exchange()
			.expectStatus()
			.is2xxSuccessful();

		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> !kid(RunningProduct.m2mToken(product.authServerUrl(), null)).equals(oldKid));
		String after = RunningProduct.m2mToken(product.authServerUrl(), null);
		String newKid = kid(after);
		projects(api, before).expectStatus().isOk();
		projects(api, after).expectStatus().isOk();
		assertThat(jwksKids()).contains(oldKid, newKid);

		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(250))
			.untilAsserted(() -> assertThat(jwksKids()).contains(newKid).doesNotContain(oldKid));
	}

	private static String kid(String token) throws java.text.ParseException {
		return SignedJWT.parse(token).getHeader().getKeyID();
	}

	private static WebTestClient.ResponseSpec projects(WebTestClient api, String token) {
		return api.get().uri("/projects").headers((headers) -> headers.setBearerAuth(token)).exchange();
	}

	private static String jwksKids() {
		return RunningProduct.client(product.authServerUrl())
			.get()
			.uri("/oauth2/jwks")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
