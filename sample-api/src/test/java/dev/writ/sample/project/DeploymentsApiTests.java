package dev.writ.sample.project;

import dev.writ.resourceserver.test.TestIssuer;
import dev.writ.sample.ApiCalls;
import dev.writ.sample.RunningSampleApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment routes over real HTTP and PostgreSQL: scopes, organization isolation,
 * validation.
 */
class DeploymentsApiTests {

	private static final String ALL_SCOPES = "read:projects write:projects read:deployments write:deployments";

	private static TestIssuer issuer;

	private static RunningSampleApi api;

	private static ApiCalls calls;

	@BeforeAll
	static void start() {
		issuer = TestIssuer.start();
		api = RunningSampleApi.start(issuer);
		calls = new ApiCalls(issuer, api);
	}

	@AfterAll
	static void stop() {
		api.close();
		issuer.close();
	}

	@Test
	void createDeploymentWhenWriteDeploymentsScopeThenCreated() {
		String id = create("org_acme", "Giant magnet");
		request("org_acme", "write:deployments").post()
			.uri("/projects/{id}/deployments", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"environment\":\"production\",\"version\":\"1.4.2\"}")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.projectId")
			.isEqualTo(id)
			.jsonPath("$.environment")
			.isEqualTo("production")
			.jsonPath("$.version")
			.isEqualTo("1.4.2");
		request("org_acme", "read:deployments").get()
			.uri("/projects/{id}/deployments", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(1)
			.jsonPath("$[0].version")
			.isEqualTo("1.4.2");
	}

	@Test
	void createDeploymentWhenOnlyWriteProjectsScopeThenInsufficientScope() {
		String id = create("org_acme", "Earthquake pills");
		request("org_acme", "write:projects").post()
			.uri("/projects/{id}/deployments", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"environment\":\"production\",\"version\":\"1.0\"}")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.value(HttpHeaders.WWW_AUTHENTICATE, (value) -> assertThat(value).endsWith("scope=\"write:deployments\""));
	}

	@Test
	void createDeploymentWhenOtherOrganizationsProjectThenNotFound() {
		String globex = create("org_globex", "Hammock factory");
		request("org_acme", ALL_SCOPES).post()
			.uri("/projects/{id}/deployments", globex)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"environment\":\"production\",\"version\":\"1.0\"}")
			.exchange()
			.expectStatus()
			.isNotFound();
		request("org_globex", ALL_SCOPES).get()
			.uri("/projects/{id}/deployments", globex)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("[]");
	}

	@Test
	void createDeploymentWhenEnvironmentUnknownThenProblemDetails() {
		String id = create("org_acme", "Bird seed");
		request("org_acme", "write:deployments").post()
			.uri("/projects/{id}/deployments", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"environment\":\"moon\",\"version\":\"\"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'environment')].message")
			.isEqualTo("must be development, staging or production")
			.jsonPath("$.errors[?(@.field == 'version')]")
			.exists();
	}

	@Test
	void listDeploymentsWhenNoReadDeploymentsScopeThenInsufficientScope() {
		String id = create("org_acme", "Tornado seeds");
		request("org_acme", "read:projects write:deployments").get()
			.uri("/projects/{id}/deployments", id)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.value(HttpHeaders.WWW_AUTHENTICATE, (value) -> assertThat(value).endsWith("scope=\"read:deployments\""));
	}

	private static String create(String organization, String name) {
		return calls.createProject(organization, name);
	}

	private static WebTestClient request(String organization, String scope) {
		return calls.as(organization, scope);
	}

}
