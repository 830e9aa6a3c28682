package dev.writ.server.test;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Calls the admin API as its clients do (JSON, a bearer token) and notes which documented
 * operation each call was, so a scenario can be checked to exercise the operation it
 * names. A call that is no documented operation fails at once: the tests never reach an
 * undocumented route by accident.
 */
public final class AdminApiClient {

	private final Set<String> called = Collections.synchronizedSet(new LinkedHashSet<>());

	private final WebTestClient client;

	public AdminApiClient(TestAuthServer server) {
		this.client = server.client();
	}

	/** The operationIds this client has called. */
	public Set<String> called() {
		return Set.copyOf(this.called);
	}

	public WebTestClient.ResponseSpec get(String path, @Nullable String token) {
		return exchange(HttpMethod.GET, path, token, null);
	}

	public WebTestClient.ResponseSpec delete(String path, @Nullable String token) {
		return exchange(HttpMethod.DELETE, path, token, null);
	}

	public WebTestClient.ResponseSpec post(String path, @Nullable String token, @Nullable String json) {
		return exchange(HttpMethod.POST, path, token, json);
	}

	public WebTestClient.ResponseSpec patch(String path, @Nullable String token, @Nullable String json) {
		return exchange(HttpMethod.PATCH, path, token, json);
	}

	public WebTestClient.ResponseSpec put(String path, @Nullable String token, @Nullable String json) {
		return exchange(HttpMethod.PUT, path, token, json);
	}

	/**
	 * A request with {@code json} as its body (when not {@code null}), the bearer
	 * {@code token} (when not {@code null}); the path may carry a query.
	 */
	public WebTestClient.ResponseSpec exchange(HttpMethod method, String path, @Nullable String token,
			@Nullable String json) {
		String withoutQuery = URI.create(path).getRawPath();
		this.called.add(AdminApiDocument.operationOf(method, withoutQuery).operationId());
		WebTestClient.RequestBodySpec request = this.client.method(method).uri(path).headers((headers) -> {
			headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
			if (token != null) {
				headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + token);
			}
		});
		if (json != null) {
			return request.contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
		}
		return request.exchange();
	}

	/** The raw client, for requests that are deliberately no documented operation. */
	public WebTestClient raw() {
		return this.client;
	}

}
