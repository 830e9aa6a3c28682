package dev.writ.demo;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One JSON request to sample-api or the admin API with a bearer token, and what came
 * back, whatever the status: the role table asserts 403s as carefully as 200s.
 *
 * @param method the HTTP method
 * @param path the path, with every variable filled in
 * @param body the JSON body, or {@code null}
 */
record JsonCall(HttpMethod method, String path, @Nullable Object body) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Sends the request to {@code baseUrl} with {@code token}, if any. */
	Answer send(String baseUrl, @Nullable String token) {
		WebTestClient.RequestBodySpec request = RunningProduct.client(baseUrl)
			.method(this.method)
			.uri(this.path)
			.headers((headers) -> {
				if (token != null) {
					headers.setBearerAuth(token);
				}
			});
		WebTestClient.RequestHeadersSpec<?> ready = (this.body != null)
				? request.contentType(MediaType.APPLICATION_JSON).bodyValue(this.body) : request;
		EntityExchangeResult<byte[]> result = ready.exchange().expectBody().returnResult();
		byte[] content = result.getResponseBodyContent();
		return new Answer(this, result.getStatus().value(), result.getResponseHeaders(),
				(content != null) ? new String(content, StandardCharsets.UTF_8) : "");
	}

	static JsonCall get(String path) {
		return new JsonCall(HttpMethod.GET, path, null);
	}

	static JsonCall post(String path) {
		return new JsonCall(HttpMethod.POST, path, null);
	}

	static JsonCall post(String path, Object body) {
		return new JsonCall(HttpMethod.POST, path, body);
	}

	static JsonCall patch(String path, Object body) {
		return new JsonCall(HttpMethod.PATCH, path, body);
	}

	static JsonCall put(String path, Object body) {
		return new JsonCall(HttpMethod.PUT, path, body);
	}

	static JsonCall delete(String path) {
		return new JsonCall(HttpMethod.DELETE, path, null);
	}

	@Override
	public String toString() {
		return this.method + " " + this.path + ((this.body != null) ? " " + this.body : "");
	}

	/**
	 * What a {@link JsonCall} got.
	 *
	 * @param call what was sent
	 * @param status the status code
	 * @param headers the response headers
	 * @param body the response body as text (empty when there was none)
	 */
	record Answer(JsonCall call, int status, HttpHeaders headers, String body) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		/** Asserts the status, showing the request and the body when it differs. */
		Answer expect(int expected) {
			assertThat(this.status).as("%s %s answered %s", this.call.method(), this.call.path(), this.body)
				.isEqualTo(expected);
			return this;
		}

		@Nullable String challenge() {
			return this.headers.getFirst(HttpHeaders.WWW_AUTHENTICATE);
		}

		@Override
		public String toString() {
			return this.call + " -> " + this.status + " " + this.body;
		}

	}

}
