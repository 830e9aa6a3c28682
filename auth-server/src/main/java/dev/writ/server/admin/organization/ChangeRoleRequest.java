package dev.writ.server.admin.organization;

import java.util.Set;

import dev.writ.server.admin.JsonBody;

/**
 * {@code PATCH /admin/api/organizations/{org}/members/{userId}}: {@code {"role"}}.
 *
 * @param role the role to give; one the organization has, and the caller may grant
 */
record ChangeRoleRequest(String role) {

	static ChangeRoleRequest parse(JsonBody body) {
		body.allowOnly(Set.of("role"));
		String role = body.requiredString("role", 64);
		body.validate();
		return new ChangeRoleRequest(role);
	}

}
