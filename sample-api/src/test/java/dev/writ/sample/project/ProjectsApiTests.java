package dev.writ.sample.project;

import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
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
 * The project routes over real HTTP and PostgreSQL: scopes, organization isolation,
 * errors.
 */
class ProjectsApiTests {

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
	@SuppressWarnings("unchecked")
	void createProjectWhenWriteScopeThenCreatedWithLocation() {
		Map<String, Object> project = request("org_acme", "write:projects").post()
			.uri("/projects")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\":\"  Rocket sled  \"}")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.value(HttpHeaders.LOCATION, (location) -> assertThat(location).matches("/projects/[0-9a-f-]{36}"))
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(project).containsEntry("name", "Rocket sled")
			.containsEntry("organizationId", "org_acme")
			.containsEntry("createdBy", "usr_alice")
			.containsKey("id");
	}

	@Test
	void createProjectWhenOnlyReadScopeThenInsufficientScope() {
		request("org_acme", "read:projects").post()
			.uri("/projects")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\":\"Anvil\"}")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\", error_description=\"this "
					+ "request needs the scope write:projects\", scope=\"write:projects\"");
	}

	@Test
	void createProjectWhenNameBlankThenProblemDetails() {
		request("org_acme", "write:projects").post()
			.uri("/projects")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\":\" \"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.json("""
					{"title":"Invalid request","status":400,"instance":"/projects",
					 "detail":"The request body has invalid fields.",
					 "errors":[{"field":"name","message":"must not be blank"}]}""", true);
	}

	@Test
	void createProjectWhenBodyNotJsonThenProblemDetails() {
		request("org_acme", "write:projects").post()
			.uri("/projects")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\":")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(400);
	}

	@Test
	void createProjectWhenBodyInvalidButScopeMissingThenForbiddenFirst() {
		request("org_acme", "read:projects").post()
			.uri("/projects")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	@SuppressWarnings("unchecked")
	void listProjectsWhenReadScopeThenOnlyCallersOrganization() {
		create("org_globex", "Hammock district");
		String acme = create("org_acme", "Anvil delivery");
		request("org_acme", "read:projects").get()
			.uri("/projects")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[*].organizationId")
			.value((organizations) -> assertThat((Iterable<Object>) organizations).isNotEmpty()
				.containsOnly("org_acme"))
			.jsonPath("$[?(@.id == '" + acme + "')].name")
			.isEqualTo("Anvil delivery")
			.jsonPath("$[?(@.name == 'Hammock district')]")
			.doesNotExist();
	}

	@Test
	void listProjectsWhenNoReadScopeThenInsufficientScope() {
		request("org_acme", "write:projects").get()
			.uri("/projects")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.json("""
					{"error":"insufficient_scope","error_description":"this request needs the scope read:projects",
					 "scope":"read:projects"}""", true);
	}

	@Test
	void getProjectWhenOwnOrganizationThenOk() {
		String id = create("org_acme", "Catapult");
		request("org_acme", "read:projects").get()
			.uri("/projects/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Catapult");
	}

	@Test
	void getProjectWhenOtherOrganizationsThenNotFound() {
		String globex = create("org_globex", "Doomsday device");
		request("org_acme", "read:projects").get()
			.uri("/projects/{id}", globex)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Project not found")
			.jsonPath("$.detail")
			.isEqualTo("no project " + globex + " in your organization");
	}

	@Test
	void getProjectWhenIdMalformedOrUnknownThenNotFound() {
		request("org_acme", "read:projects").get().uri("/projects/not-a-uuid").exchange().expectStatus().isNotFound();
		request("org_acme", "read:projects").get()
			.uri("/projects/00000000-0000-4000-8000-000000000000")
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void anyRouteWhenTokenHasNoOrganizationThenForbiddenWithReason() {
		String token = issuer.mint(JWSAlgorithm.RS256,
				(claims) -> claims.claim("org", null).claim("role", null).claim("scope", ALL_SCOPES));
		api.client()
			.get()
			.uri("/projects")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer error=\"insufficient_scope\", error_description=\"this "
							+ "resource needs a token issued for an organization (org claim)\"")
			.expectBody()
			.json("""
					{"error":"insufficient_scope",
					 "error_description":"this resource needs a token issued for an organization (org claim)"}""",
					true);
	}

	@Test
	void anyRouteWhenNoTokenThenUnauthorized() {
		api.client()
			.get()
			.uri("/projects")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
	}

	@Test
	void anyRouteWhenTokenForAnotherAudienceThenInvalidToken() {
		String token = issuer.mint(JWSAlgorithm.ES256,
				(claims) -> claims.audience("http://localhost:9999").claim("scope", ALL_SCOPES));
		api.client()
			.get()
			.uri("/projects")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.value(HttpHeaders.WWW_AUTHENTICATE,
					(value) -> assertThat(value).startsWith("Bearer error=\"invalid_token\""));
	}

	private static String create(String organization, String name) {
		return calls.createProject(organization, name);
	}

	private static WebTestClient request(String organization, String scope) {
		return calls.as(organization, scope);
	}

}
