package dev.writ.server.jwk;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.writ.server.test.TestAuthServer;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scheduled reload and rotation of whole auth-servers, in real time with short
 * intervals.
 */
class SigningKeyClusterTests {

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	@Test
	void refreshWhenAnotherNodeRotatedThenThisNodeServesTheNewKey() {
		Map<String, Object> fastReload = Map.of("writ.keys.refresh-interval", "300ms");
		try (TestAuthServer first = TestAuthServer.start(fastReload);
				TestAuthServer second = TestAuthServer.start(withReuse(fastReload), first.database())) {
			String initial = currentKid(second);
			assertThat(currentKid(first)).isEqualTo(initial);
			String rotated = (String) first.managementClient()
				.post()
				.uri("/signingkeys")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("immediate", true))
				.exchange()
				.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
				})
				.returnResult()
				.getResponseBody()
				.get("kid");
			await().atMost(PATIENCE).untilAsserted(() -> {
				assertThat(currentKid(second)).isEqualTo(rotated);
				assertThat(jwksKids(second)).containsExactly(rotated, initial);
			});
		}
	}

	@Test
	void checkWhenRotationPeriodElapsesThenUpcomingKeyPublishedThenSigning() throws Exception {
		// the shortest periods the validation allows, apart from retention
		try (TestAuthServer server = TestAuthServer
			.start(Map.of("writ.keys.check-interval", "200ms", "writ.keys.jwks-max-age", "1s",
					"writ.keys.publication-lead", "2s", "writ.keys.rotation-period", "4s"))) {
			String initial = currentKid(server);
			String upcoming = await().atMost(PATIENCE).until(() -> {
				List<String> kids = jwksKids(server);
				return (kids.size() > 1 && currentKid(server).equals(initial)) ? kids.get(1) : null;
			}, (kid) -> kid != null);
			await().atMost(PATIENCE).until(() -> currentKid(server).equals(upcoming));
			assertThat(jwksKids(server)).startsWith(upcoming).contains(initial);
		}
	}

	private static Map<String, Object> withReuse(Map<String, Object> properties) {
		Map<String, Object> reused = new HashMap<>(properties);
		reused.put("reuse-database", true);
		return reused;
	}

	private static String currentKid(TestAuthServer server) {
		return server.context().getBean(SigningKeys.class).current().block().kid();
	}

	private static List<String> jwksKids(TestAuthServer server) throws Exception {
		String body = server.client()
			.get()
			.uri("/oauth2/jwks")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return JWKSet.parse(body).getKeys().stream().map(JWK::getKeyID).toList();
	}

}
