package dev.writ.sample.project;

import java.time.Duration;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code DELETE /projects/{id}} over real HTTP and PostgreSQL: the scope and the
 * organization role it needs, organization isolation, and that deployments go with the
 * project.
 */
class ProjectDeletionApiTests {

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
	void deleteProjectWhenAdminWithWriteScopeThenNoContentAndDeploymentsGone() {
		String id = calls.createProject("org_acme", "Giant magnet");
		calls.as("org_acme", "write:deployments")
			.post()
			.uri("/projects/{id}/deployments", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("environment", "production", "version", "1.0.0"))
			.exchange()
			.expectStatus()
			.isCreated();
		calls.as("org_acme", "admin", "write:projects")
			.delete()
			.uri("/projects/{id}", id)
			.exchange()
			.expectStatus()
			.isNoContent()
			.expectBody()
			.isEmpty();
		calls.as("org_acme", "read:projects").get().uri("/projects/{id}", id).exchange().expectStatus().isNotFound();
		assertThat(deploymentsOf(id)).isZero();
	}

	@Test
	void deleteProjectWhenOwnerThenNoContentByRoleHierarchy() {
		String id = calls.createProject("org_acme", "Earthquake pills");
		calls.as("org_acme", "owner", "write:projects")
			.delete()
			.uri("/projects/{id}", id)
			.exchange()
			.expectStatus()
			.isNoContent();
	}

	@Test
	void deleteProjectWhenMemberThenForbiddenNamingRoleAndProjectKept() {
		String id = calls.createProject("org_acme", "Batman outfit");
		calls.as("org_acme", "member", "write:projects")
			.delete()
			.uri("/projects/{id}", id)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer error=\"insufficient_scope\", error_description=\"this "
							+ "request needs the organization role admin or higher\"")
			.expectBody()
			.json("""
					{"error":"insufficient_scope",
					 "error_description":"this request needs the organization role admin or higher"}""", true);
		calls.as("org_acme", "read:projects").get().uri("/projects/{id}", id).exchange().expectStatus().isOk();
	}

	@Test
	void deleteProjectWhenAdminWithoutWriteScopeThenInsufficientScope() {
		String id = calls.createProject("org_acme", "Tornado kit");
		calls.as("org_acme", "admin", "read:projects")
			.delete()
			.uri("/projects/{id}", id)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\", error_description=\"this "
					+ "request needs the scope write:projects\", scope=\"write:projects\"");
		calls.as("org_acme", "read:projects").get().uri("/projects/{id}", id).exchange().expectStatus().isOk();
	}

	@Test
	void deleteProjectWhenOtherOrganizationsThenNotFoundAndProjectKept() {
		String globex = calls.createProject("org_globex", "Hammock tower");
		calls.as("org_acme", "owner", "write:projects")
			.delete()
			.uri("/projects/{id}", globex)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Project not found");
		calls.as("org_globex", "read:projects").get().uri("/projects/{id}", globex).exchange().expectStatus().isOk();
	}

	@Test
	void deleteProjectWhenIdMalformedOrUnknownThenNotFound() {
		calls.as("org_acme", "admin", "write:projects")
			.delete()
			.uri("/projects/{id}", "not-a-uuid")
			.exchange()
			.expectStatus()
			.isNotFound();
		calls.as("org_acme", "admin", "write:projects")
			.delete()
			.uri("/projects/{id}", "00000000-0000-4000-8000-000000000000")
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void deleteProjectWhenTokenHasNoOrganizationThenForbidden() {
		String token = issuer.mint(JWSAlgorithm.RS256,
				(claims) -> claims.claim("org", null).claim("role", "owner").claim("scope", "write:projects"));
		api.client()
			.delete()
			.uri("/projects/{id}", "00000000-0000-4000-8000-000000000000")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	private static long deploymentsOf(String projectId) {
		return api.database()
			.sql("SELECT count(*) AS n FROM deployment WHERE project_id = :project::uuid")
			.bind("project", projectId)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block(Duration.ofSeconds(10));
	}

}
