package dev.writ.demo;

import java.util.List;
import java.util.Map;

import dev.writ.demo.Action.Api;
import dev.writ.demo.Action.Prepared;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role table's rows at sample-api: what the organization's projects and billing allow
 * each role, with demo-web's scopes ({@code read:projects write:projects}).
 */
final class SampleApiActions {

	private SampleApiActions() {
	}

	static List<Action> actions() {
		return List.of(
				Action.of("list the organization's projects", Api.SAMPLE_API, HttpMethod.GET, "/projects", 200, 200,
						200, SampleApiActions::listProjects),
				Action.of("create a project", Api.SAMPLE_API, HttpMethod.POST, "/projects", 201, 201, 201,
						SampleApiActions::createProject),
				Action.of("delete a project", Api.SAMPLE_API, HttpMethod.DELETE, "/projects/{id}", 204, 204, 403,
						SampleApiActions::deleteProject),
				Action.of("read the organization's billing", Api.SAMPLE_API, HttpMethod.GET, "/billing", 200, 403, 403,
						SampleApiActions::readBilling));
	}

	private static Prepared listProjects(Scene scene, String role) {
		String id = scene.project("Listed for " + role);
		return Prepared.request((answer, allowed) -> {
			if (allowed) {
				JsonNode projects = answer.json();
				assertThat(projects.findValuesAsString("id")).contains(id);
				assertThat(projects.findValuesAsString("organizationId")).containsOnly(scene.organizationId());
			}
		});
	}

	private static Prepared createProject(Scene scene, String role) {
		return Prepared.request(Map.of("name", "Created by " + role), (answer, allowed) -> {
			if (allowed) {
				String id = answer.json().get("id").asString();
				assertThat(answer.json().get("organizationId").asString()).isEqualTo(scene.organizationId());
				assertThat(scene.projectExists(id)).isTrue();
			}
		});
	}

	private static Prepared deleteProject(Scene scene, String role) {
		String id = scene.project("To be deleted by " + role);
		return Prepared.on("id", id, (answer, allowed) -> assertThat(scene.projectExists(id)).isEqualTo(!allowed));
	}

	private static Prepared readBilling(Scene scene, String role) {
		return Prepared.request((answer, allowed) -> {
			if (allowed) {
				assertThat(answer.json().get("organizationId").asString()).isEqualTo(scene.organizationId());
				assertThat(answer.json().get("plan").asString()).isEqualTo("free");
			}
		});
	}

}
