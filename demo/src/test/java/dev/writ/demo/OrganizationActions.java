package dev.writ.demo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.writ.demo.Action.Api;
import dev.writ.demo.Action.Prepared;
import dev.writ.server.account.User;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role table's rows for the organization itself and its members, at the admin API.
 * Deleting the organization is a row of its own ({@link #deleteOrganization()}): the
 * table's last.
 */
final class OrganizationActions {

	private static final String ORGANIZATIONS = "/admin/api/organizations";

	private static final String ORGANIZATION = ORGANIZATIONS + "/{org}";

	private OrganizationActions() {
	}

	static List<Action> actions() {
		return List.of(
				Action.of("see the organization in the list", Api.ADMIN_API, HttpMethod.GET, ORGANIZATIONS, 200, 200,
						200, OrganizationActions::listOrganizations),
				Action.of("create another organization", Api.ADMIN_API, HttpMethod.POST, ORGANIZATIONS, 201, 201, 201,
						OrganizationActions::createOrganization),
				Action.of("read the organization", Api.ADMIN_API, HttpMethod.GET, ORGANIZATION, 200, 200, 200,
						OrganizationActions::readOrganization),
				Action.of("rename the organization", Api.ADMIN_API, HttpMethod.PATCH, ORGANIZATION, 200, 200, 403,
						OrganizationActions::renameOrganization),
				Action.of("list the members", Api.ADMIN_API, HttpMethod.GET, ORGANIZATION + "/members", 200, 200, 403,
						OrganizationActions::listMembers),
				Action.of("make a member an admin", Api.ADMIN_API, HttpMethod.PATCH, ORGANIZATION + "/members/{userId}",
						200, 200, 403, OrganizationActions::changeRole),
				Action.of("remove a member", Api.ADMIN_API, HttpMethod.DELETE, ORGANIZATION + "/members/{userId}", 204,
						204, 403, OrganizationActions::removeMember));
	}

	/** The table's last row: its owner's cell deletes the scratch organization. */
	static Action deleteOrganization() {
		return Action.of("delete the organization", Api.ADMIN_API, HttpMethod.DELETE, ORGANIZATION, 204, 403, 403,
				OrganizationActions::delete);
	}

	private static Prepared listOrganizations(Scene scene, String role) {
		return Prepared.request((answer, allowed) -> assertThat(answer.json().get("items").findValuesAsString("id"))
			.containsExactly(scene.organizationId()));
	}

	/** Self-serve: any member may start an organization of their own, which they own. */
	private static Prepared createOrganization(Scene scene, String role) {
		String slug = "cell-" + role + "-" + UUID.randomUUID().toString().substring(0, 8);
		return Prepared.request(Map.of("slug", slug, "name", "Created by the " + role), (answer, allowed) -> {
			String id = answer.json().get("id").asString();
			try {
				assertThat(answer.headers().getLocation()).hasPath(ORGANIZATIONS + "/" + id);
				assertThat(answer.json().get("slug").asString()).isEqualTo(slug);
				assertThat(scene.organization().roleOf(scene.member(role).id(), id)).isEqualTo("owner");
			}
			finally {
				// one organization per scratch user, so that signing in never asks which
				scene.platform(JsonCall.delete(ORGANIZATIONS + "/" + id)).expect(204);
			}
		});
	}

	private static Prepared readOrganization(Scene scene, String role) {
		return Prepared.request((answer, allowed) -> {
			assertThat(answer.json().get("id").asString()).isEqualTo(scene.organizationId());
			assertThat(answer.json().get("name").asString()).startsWith("Scratch");
		});
	}

	private static Prepared renameOrganization(Scene scene, String role) {
		String name = "Scratch renamed by the " + role;
		return Prepared.request(Map.of("name", name), (answer, allowed) -> {
			String stored = scene.platform(JsonCall.get(ORGANIZATIONS + "/" + scene.organizationId()))
				.expect(200)
				.json()
				.get("name")
				.asString();
			if (allowed) {
				assertThat(answer.json().get("name").asString()).isEqualTo(name);
				assertThat(stored).isEqualTo(name);
			}
			else {
				assertThat(stored).isNotEqualTo(name);
			}
		});
	}

	private static Prepared listMembers(Scene scene, String role) {
		return Prepared.request((answer, allowed) -> {
			if (allowed) {
				assertThat(answer.json().get("items").findValuesAsString("userId")).contains(scene.member("owner").id(),
						scene.member("admin").id(), scene.member("member").id());
			}
		});
	}

	private static Prepared changeRole(Scene scene, String role) {
		User target = scene.organization().newMember("member");
		return Prepared.on("userId", target.id(), Map.of("role", "admin"), (answer, allowed) -> {
			if (allowed) {
				assertThat(answer.json().get("role").asString()).isEqualTo("admin");
			}
			assertThat(scene.organization().roleOf(target.id())).isEqualTo(allowed ? "admin" : "member");
		});
	}

	private static Prepared delete(Scene scene, String role) {
		return Prepared.request((answer,
				allowed) -> assertThat(
						scene.platform(JsonCall.get(ORGANIZATIONS + "/" + scene.organizationId())).status())
					.isEqualTo(allowed ? 404 : 200));
	}

	private static Prepared removeMember(Scene scene, String role) {
		User target = scene.organization().newMember("member");
		return Prepared.on("userId", target.id(), (answer,
				allowed) -> assertThat(scene.organization().roleOf(target.id())).isEqualTo(allowed ? null : "member"));
	}

}
