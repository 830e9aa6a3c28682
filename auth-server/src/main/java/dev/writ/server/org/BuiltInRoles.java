package dev.writ.server.org;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The roles every organization has, as {@link Role}s: owner, admin and member, with the
 * permissions of {@link Permissions}' built-in table, which nobody changes.
 */
public final class BuiltInRoles {

	private static final List<Role> ROLES = List.of(
			Role.builtIn(Permissions.OWNER, "Everything, including billing and deleting the organization",
					Permissions.ofBuiltIn(Permissions.OWNER)),
			Role.builtIn(Permissions.ADMIN,
					"Manages members, invitations, clients, API tokens and roles, and uses every feature",
					Permissions.ofBuiltIn(Permissions.ADMIN)),
			Role.builtIn(Permissions.MEMBER, "Uses the features, administers nothing",
					Permissions.ofBuiltIn(Permissions.MEMBER)));

	private BuiltInRoles() {
	}

	/** Owner, admin and member, highest first. */
	public static List<Role> all() {
		return ROLES;
	}

	/** The built-in role called {@code name}, or {@code null}. */
	static @Nullable Role find(String name) {
		return ROLES.stream().filter((role) -> role.name().equals(name)).findFirst().orElse(null);
	}

}
