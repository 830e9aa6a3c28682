package dev.writ.server.test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/** Form posts to the protocol endpoints, as a client library would send them. */
public final class TokenRequests {

	public static final String M2M_ID = "demo-m2m";

	public static final String M2M_SECRET = "demo-m2m-secret";

	private TokenRequests() {
	}

	public static String basic(String clientId, String secret) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

	public static MultiValueMap<String, String> form(String... namesAndValues) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			form.add(namesAndValues[i], namesAndValues[i + 1]);
		}
		return form;
	}

	public static WebTestClient.ResponseSpec post(WebTestClient client, String path, String authorization,
			MultiValueMap<String, String> form) {
		return client.post().uri(path).headers((headers) -> {
			if (authorization != null) {
				headers.set(HttpHeaders.AUTHORIZATION, authorization);
			}
		}).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(form)).exchange();
	}

	/**
	 * A client_credentials token for demo-m2m, with the scope given (or its default
	 * scope).
	 */
	@SuppressWarnings("unchecked")
	public static String m2mToken(WebTestClient client, String scope) {
		MultiValueMap<String, String> form = (scope != null) ? form("grant_type", "client_credentials", "scope", scope)
				: form("grant_type", "client_credentials");
		Map<String, Object> body = post(client, "/oauth2/token", basic(M2M_ID, M2M_SECRET), form).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (String) body.get("access_token");
	}

}
