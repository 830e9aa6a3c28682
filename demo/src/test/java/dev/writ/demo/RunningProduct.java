package dev.writ.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.writ.devstack.DevStack;
import dev.writ.devstack.FreePorts;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The product as the quick start runs it, on free ports, shared by the end-to-end test
 * classes of this JVM; classes that need other settings start a {@link DemoStack} of
 * their own. Its auth-server sends mail (invitations) to a test SMTP server.
 */
final class RunningProduct {

	static final String M2M = "demo-m2m";

	static final String M2M_SECRET = "demo-m2m-secret";

	private static final String TEST_ENCRYPTION_KEY = "x1xZ7oW6q3l0m9hH8V3uKc0m2zF5yQ1pL4rT6sN8dA0=";

	private static DemoStack shared;

	private static GreenMail smtp;

	private RunningProduct() {
	}

	static synchronized DemoStack shared() {
		if (shared == null) {
			smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
			smtp.start();
			// a fixed key-encryption key, so that a second auth-server node can read the
			// signing keys the first one sealed
			shared = DemoStack.start(DevStack.shared(), FreePorts.find(), FreePorts.find(),
					Map.of("writ.keys.encryption-key", TEST_ENCRYPTION_KEY, "spring.mail.host", "127.0.0.1",
							"spring.mail.port", smtp.getSmtp().getPort()),
					Map.of());
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				shared.close();
				smtp.stop();
			}, "e2e-shutdown"));
		}
		return shared;
	}

	/** What the shared product's auth-server has sent by mail. */
	static synchronized GreenMail smtp() {
		shared();
		return smtp;
	}

	static WebTestClient client(String baseUrl) {
		return WebTestClient.bindToServer().baseUrl(baseUrl).responseTimeout(Duration.ofSeconds(15)).build();
	}

	static String basic(String clientId, String secret) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A demo-m2m token from the auth-server at {@code authServerUrl}, with {@code scope}
	 * or the client's default.
	 */
	@SuppressWarnings("unchecked")
	static String m2mToken(String authServerUrl, String scope) {
		var form = BodyInserters.fromFormData("grant_type", "client_credentials");
		if (scope != null) {
			form = form.with("scope", scope);
		}
		Map<String, Object> body = client(authServerUrl).post()
			.uri("/oauth2/token")
			.header(HttpHeaders.AUTHORIZATION, basic(M2M, M2M_SECRET))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (String) body.get("access_token");
	}

	/**
	 * A token of demo-admin, the platform's operator of the admin API:
	 * {@code admin:organizations admin:clients admin:users}.
	 */
	@SuppressWarnings("unchecked")
	static String platformToken(String authServerUrl) {
		Map<String, Object> body = client(authServerUrl).post()
			.uri("/oauth2/token")
			.header(HttpHeaders.AUTHORIZATION, basic("demo-admin", "demo-admin-secret"))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("grant_type", "client_credentials"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (String) body.get("access_token");
	}

	static WebTestClient.ResponseSpec revoke(String authServerUrl, String token) {
		return client(authServerUrl).post()
			.uri("/oauth2/revoke")
			.header(HttpHeaders.AUTHORIZATION, basic(M2M, M2M_SECRET))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("token", token))
			.exchange();
	}

}
