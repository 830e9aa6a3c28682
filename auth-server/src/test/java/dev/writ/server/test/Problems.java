package dev.writ.server.test;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on RFC 9457 problem responses of the admin API. */
public final class Problems {

	private Problems() {
	}

	/**
	 * Asserts the response is a problem with {@code status} and the type
	 * {@code https://writ.dev/problems/<slug>}; answers its body.
	 */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> expect(WebTestClient.ResponseSpec response, int status, String slug) {
		Map<String, Object> body = response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).containsEntry("type", "https://writ.dev/problems/" + slug)
			.containsEntry("status", status)
			.containsKeys("title", "detail", "instance");
		return body;
	}

	/** A 403 problem whose challenge says {@code insufficient_scope}. */
	public static Map<String, Object> forbidden(WebTestClient.ResponseSpec response) {
		return expect(
				response.expectHeader()
					.value("WWW-Authenticate",
							(challenge) -> assertThat(challenge).startsWith("Bearer error=\"insufficient_scope\"")),
				403, "forbidden");
	}

	/** A 400 validation problem naming exactly {@code pointer} with {@code detail}. */
	public static Map<String, Object> invalid(WebTestClient.ResponseSpec response, String pointer, String detail) {
		Map<String, Object> body = expect(response, 400, "validation");
		assertThat(body.get("errors")).isEqualTo(java.util.List.of(Map.of("pointer", pointer, "detail", detail)));
		return body;
	}

}
