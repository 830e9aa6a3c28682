package dev.writ.sample;

import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import dev.writ.resourceserver.test.TestIssuer;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Requests to the sample API as a caller of one organization with given scopes. */
public final class ApiCalls {

	private final TestIssuer issuer;

	private final RunningSampleApi api;

	public ApiCalls(TestIssuer issuer, RunningSampleApi api) {
		this.issuer = issuer;
		this.api = api;
	}

	/**
	 * A client whose requests carry a token for {@code organization} with {@code scope}.
	 */
	public WebTestClient as(String organization, String scope) {
		return as(organization, "member", scope);
	}

	/**
	 * A client whose requests carry a token for {@code organization} in {@code role} with
	 * {@code scope}.
	 */
	public WebTestClient as(String organization, String role, String scope) {
		String token = this.issuer.mint(JWSAlgorithm.RS256,
				(claims) -> claims.claim("org", organization).claim("role", role).claim("scope", scope));
		return this.api.client().mutate().defaultHeaders((headers) -> headers.setBearerAuth(token)).build();
	}

	/** Creates a project and returns its id. */
	public String createProject(String organization, String name) {
		Map<?, ?> project = as(organization, "write:projects").post()
			.uri("/projects")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", name))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (String) project.get("id");
	}

}
