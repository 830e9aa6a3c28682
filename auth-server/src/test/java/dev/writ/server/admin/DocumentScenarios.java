package dev.writ.server.admin;

import java.util.Map;

import dev.writ.server.test.AdminApiScenario;
import dev.writ.server.test.AdminApiScenarios;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** The scenario of the OpenAPI document itself. */
final class DocumentScenarios implements AdminApiScenarios {

	@Override
	public Map<String, AdminApiScenario> scenarios() {
		return Map.of("getOpenApiDocument",
				(server, api) -> assertThat(api.get("/admin/api/openapi.json", null)
					.expectStatus()
					.isOk()
					.expectHeader()
					.contentType(MediaType.APPLICATION_JSON)
					.expectBody(String.class)
					.returnResult()
					.getResponseBody()).contains("\"openapi\": \"3.1.0\""));
	}

}
