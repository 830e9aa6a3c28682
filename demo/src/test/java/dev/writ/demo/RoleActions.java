package dev.writ.demo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.writ.demo.Action.Api;
import dev.writ.demo.Action.Prepared;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role table's rows for the organization's own roles, at the admin API: every member
 * may read them, {@code roles:manage} defines, changes and deletes them.
 */
final class RoleActions {

	private static final String ROLES = "/admin/api/organizations/{org}/roles";

	private static final List<String> PERMISSIONS = List.of("projects:read", "projects:write");

	private RoleActions() {
	}

	static List<Action> actions() {
		return List.of(
				Action.of("list the roles", Api.ADMIN_API, HttpMethod.GET, ROLES, 200, 200, 200, RoleActions::list),
				Action.of("read a role", Api.ADMIN_API, HttpMethod.GET, ROLES + "/{name}", 200, 200, 200,
						RoleActions::read),
				Action.of("define a role", Api.ADMIN_API, HttpMethod.POST, ROLES, 201, 201, 403, RoleActions::define),
				Action.of("change a role's permissions", Api.ADMIN_API, HttpMethod.PUT, ROLES + "/{name}", 200, 200,
						403, RoleActions::change),
				Action.of("delete a role", Api.ADMIN_API, HttpMethod.DELETE, ROLES + "/{name}", 204, 204, 403,
						RoleActions::delete));
	}

	private static Prepared list(Scene scene, String role) {
		String name = defined(scene, role);
		return Prepared.request((answer, allowed) -> assertThat(answer.json().findValuesAsString("name"))
			.contains("owner", "admin", "member", name));
	}

	private static Prepared read(Scene scene, String role) {
		String name = defined(scene, role);
		return Prepared.on("name", name, (answer, allowed) -> {
			assertThat(answer.json().get("name").asString()).isEqualTo(name);
			assertThat(answer.json().get("permissions").valueStream().map((permission) -> permission.asString()))
				.containsExactlyInAnyOrderElementsOf(PERMISSIONS);
		});
	}

	private static Prepared define(Scene scene, String role) {
		String name = name(role);
		return Prepared.request(Map.of("name", name, "permissions", PERMISSIONS),
				(answer, allowed) -> assertThat(stored(scene, name)).isEqualTo(allowed ? 200 : 404));
	}

	private static Prepared change(Scene scene, String role) {
		String name = defined(scene, role);
		return Prepared.on("name", name, Map.of("permissions", List.of("projects:read")), (answer, allowed) -> {
			List<String> permissions = scene.platform(JsonCall.get(path(scene) + "/" + name))
				.expect(200)
				.json()
				.get("permissions")
				.valueStream()
				.map((permission) -> permission.asString())
				.toList();
			assertThat(permissions)
				.containsExactlyInAnyOrderElementsOf(allowed ? List.of("projects:read") : PERMISSIONS);
		});
	}

	private static Prepared delete(Scene scene, String role) {
		String name = defined(scene, role);
		return Prepared.on("name", name,
				(answer, allowed) -> assertThat(stored(scene, name)).isEqualTo(allowed ? 404 : 200));
	}

	/** A role the platform defined; its name. */
	private static String defined(Scene scene, String role) {
		String name = name(role);
		scene.platform(JsonCall.post(path(scene), Map.of("name", name, "permissions", PERMISSIONS))).expect(201);
		return name;
	}

	private static int stored(Scene scene, String name) {
		return scene.platform(JsonCall.get(path(scene) + "/" + name)).status();
	}

	private static String path(Scene scene) {
		return ROLES.replace("{org}", scene.organizationId());
	}

	private static String name(String role) {
		return "by-" + role + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
