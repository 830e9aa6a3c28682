package dev.writ.server.jwk;

import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import dev.writ.server.test.TestAuthServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code signingkeys} actuator endpoint over HTTP, on the management port of a whole
 * auth-server.
 */
class SigningKeysEndpointTests {

	private static final ParameterizedTypeReference<List<Map<String, Object>>> KEY_LIST = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<Map<String, Object>> KEY = new ParameterizedTypeReference<>() {
	};

	private static TestAuthServer server;

	@BeforeAll
	static void start() {
		server = TestAuthServer.start(Map.of("writ.keys.algorithm", "EdDSA"));
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void rotateWhenCalledOverManagementPortThenKeysChangeAsAsked() throws Exception {
		List<Map<String, Object>> before = list();
		assertThat(before).hasSize(1);
		Map<String, Object> first = before.get(0);
		assertThat(first).containsOnlyKeys("kid", "alg", "state", "created", "activates", "publishedUntil")
			.containsEntry("alg", "EdDSA")
			.containsEntry("state", "active")
			.containsEntry("publishedUntil", null);

		Map<String, Object> upcoming = rotate(Map.of());
		assertThat(upcoming).containsEntry("state", "upcoming");
		Map<String, Object> immediate = rotate(Map.of("immediate", true));
		assertThat(immediate).containsEntry("state", "active");

		List<Map<String, Object>> after = list();
		assertThat(after).extracting((key) -> key.get("kid"))
			.containsExactly(immediate.get("kid"), upcoming.get("kid"), first.get("kid"));
		// the immediate rotation overtook the upcoming key, which retires without ever
		// signing
		assertThat(after).extracting((key) -> key.get("state")).containsExactly("active", "retired", "retired");
		assertThat(after.get(1).get("publishedUntil")).isNotNull().isEqualTo(after.get(2).get("publishedUntil"));
		assertThat(server.context().getBean(SigningKeys.class).current().block().kid()).isEqualTo(immediate.get("kid"));
		String jwks = server.client()
			.get()
			.uri("/oauth2/jwks")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(JWKSet.parse(jwks).getKeys()).extracting((key) -> (Object) key.getKeyID())
			.containsExactly(immediate.get("kid"), upcoming.get("kid"), first.get("kid"));
	}

	@Test
	void readWhenListedThenNoKeyMaterial() {
		String body = server.managementClient()
			.get()
			.uri("/signingkeys")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).doesNotContain("\"x\"").doesNotContain("\"d\"").doesNotContain("OKP");
	}

	@Test
	void readWhenCalledOnProtocolPortThenNotFound() {
		server.client().get().uri("/actuator/signingkeys").exchange().expectStatus().isNotFound();
	}

	private static List<Map<String, Object>> list() {
		return server.managementClient()
			.get()
			.uri("/signingkeys")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(KEY_LIST)
			.returnResult()
			.getResponseBody();
	}

	private static Map<String, Object> rotate(Map<String, Object> body) {
		return server.managementClient()
			.post()
			.uri("/signingkeys")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(KEY)
			.returnResult()
			.getResponseBody();
	}

}
