package dev.writ.server.admin;

import java.io.InputStream;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

import dev.writ.server.test.AdminApiDocument;
import dev.writ.server.test.AdminApiRoutes;
import dev.writ.server.test.AdminApiServer;
import dev.writ.server.test.TestAuthServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document: served as written, well formed, and equal to the routes: every
 * route below {@code /admin/api} is documented and every documented operation is routed.
 */
class AdminApiDocumentTests {

	private static TestAuthServer server;

	@BeforeAll
	static void start() {
		server = AdminApiServer.get();
	}

	@Test
	void openApiDocumentWhenFetchedWithoutTokenThenTheResourceVerbatim() throws Exception {
		byte[] served = server.client()
			.get()
			.uri("/admin/api/openapi.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.returnResult()
			.getResponseBody();
		try (InputStream resource = new ClassPathResource("admin-api/openapi.json").getInputStream()) {
			assertThat(served).isEqualTo(resource.readAllBytes());
		}
		JsonNode document = AdminApiDocument.parse(served);
		assertThat(document.get("openapi").asString()).startsWith("3.1.");
		assertThat(document.get("components").get("securitySchemes").has("writ")).isTrue();
	}

	@Test
	void operationsWhenReadThenEachHasAUniqueIdAndItsProblems() {
		Set<String> ids = new HashSet<>();
		for (AdminApiDocument.Operation operation : AdminApiDocument.operations()) {
			assertThat(operation.operationId()).as(operation.method() + " " + operation.path()).isNotBlank();
			assertThat(ids.add(operation.operationId())).as("unique " + operation.operationId()).isTrue();
			JsonNode security = operation.node().get("security");
			boolean open = security != null && security.isEmpty();
			if (!open) {
				assertThat(operation.statuses()).as(operation.operationId()).contains("401", "403");
			}
			for (JsonNode parameter : operation.node().path("parameters")) {
				if ("path".equals(parameter.path("in").asString())) {
					assertThat(operation.path()).contains("{" + parameter.get("name").asString() + "}");
				}
			}
		}
	}

	@Test
	void routesWhenComparedWithTheDocumentThenTheSame() {
		Set<String> routed = new LinkedHashSet<>();
		AdminApiRoutes.served(server.context(), AdminApi.PATH)
			.forEach((route) -> routed.add(AdminApiDocument.normalized(route)));
		Set<String> documented = new LinkedHashSet<>();
		AdminApiDocument.operations()
			.forEach((operation) -> documented
				.add(operation.method().name() + " " + AdminApiDocument.normalized(operation.path())));
		assertThat(routed).as("routes served below /admin/api").containsExactlyInAnyOrderElementsOf(documented);
	}

	@Test
	void unknownPathWhenRequestedThenNotFoundProblem() {
		server.client()
			.get()
			.uri("/admin/api/no-such-thing")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.cacheControl(org.springframework.http.CacheControl.noStore())
			.expectBody()
			.json("""
					{"type":"https://writ.dev/problems/not-found","title":"Not Found","status":404,
					 "detail":"no such endpoint","instance":"/admin/api/no-such-thing"}""", true);
	}

	@Test
	void documentWhenPostedThenMethodNotAllowedProblemWithAllow() {
		server.client()
			.post()
			.uri("/admin/api/openapi.json")
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.valueEquals(HttpHeaders.ALLOW, "GET")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://writ.dev/problems/method-not-allowed");
	}

}
