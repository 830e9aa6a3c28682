package dev.writ.server.admin;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.web.reactive.function.server.ServerRequest;

import reactor.core.publisher.Mono;

/**
 * The body that defines ({@code POST}) or replaces ({@code PUT}) an organization's own
 * role: {@code {"name", "description", "permissions"}}, {@code name} only when defining.
 * This checks the JSON's shape (members, types, sizes); what a name or a permission may
 * be is {@code org.OrganizationRoles}' to decide, so both report with the same pointers.
 *
 * @param name the new role's name, or {@code null} when replacing one
 * @param description the description, or {@code null} for none
 * @param permissions the permissions, every one of them
 */
record RoleRequest(@Nullable String name, @Nullable String description, List<String> permissions) {

	/**
	 * Room for the longest valid name, so that the name's own rule is the one reported.
	 */
	private static final int MAX_NAME = 64;

	/** The description's limit is the service's; this only keeps the body small. */
	private static final int MAX_DESCRIPTION = 1000;

	/**
	 * More than the vocabulary has, so that an unknown permission is what is reported.
	 */
	private static final int MAX_PERMISSIONS = 64;

	private static final int MAX_PERMISSION = 64;

	/** A role to define: {@code name} and {@code permissions} are required. */
	static Mono<RoleRequest> definition(ServerRequest request) {
		return JsonBody.read(request).map((body) -> {
			body.allowOnly(Set.of("name", "description", "permissions"));
			String name = body.requiredString("name", MAX_NAME);
			String description = body.string("description", MAX_DESCRIPTION);
			List<String> permissions = body.requiredStrings("permissions", MAX_PERMISSIONS, MAX_PERMISSION);
			body.validate();
			return new RoleRequest(name, description, permissions);
		});
	}

	/** A role's new description and permissions: {@code permissions} is required. */
	static Mono<RoleRequest> replacement(ServerRequest request) {
		return JsonBody.read(request).map((body) -> {
			body.allowOnly(Set.of("description", "permissions"));
			String description = body.string("description", MAX_DESCRIPTION);
			List<String> permissions = body.requiredStrings("permissions", MAX_PERMISSIONS, MAX_PERMISSION);
			body.validate();
			return new RoleRequest(null, description, permissions);
		});
	}

}
