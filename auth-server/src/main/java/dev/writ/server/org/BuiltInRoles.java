package dev.writ.server.org;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The roles every organization has, each a fixed set of permissions that includes the one
 * below it: member uses the features, admin also administers, owner also pays and may
 * delete the organization. The table is the resource-server starter's
 * {@code RolePermissions.defaults()}, which stays the contract: a resource server that
 * maps a {@code role} claim of {@code admin} must arrive at the permissions this server
 * puts in the {@code permissions} claim.
 */
public final class BuiltInRoles {

	public static final String OWNER = "owner";

	public static final String ADMIN = "admin";

	public static final String MEMBER = "member";

	private static final Set<String> MEMBER_PERMISSIONS = ordered(List.of(Permissions.PROJECTS_READ,
			Permissions.PROJECTS_WRITE, Permissions.DEPLOYMENTS_READ, Permissions.DEPLOYMENTS_WRITE));

	private static final Set<String> ADMIN_PERMISSIONS = union(MEMBER_PERMISSIONS,
			List.of(Permissions.PROJECTS_DELETE, Permissions.MEMBERS_MANAGE, Permissions.INVITATIONS_MANAGE,
					Permissions.CLIENTS_MANAGE, Permissions.API_TOKENS_MANAGE, Permissions.AUDIT_READ,
					Permissions.ROLES_MANAGE, Permissions.ORGANIZATION_UPDATE));

	private static final Set<String> OWNER_PERMISSIONS = union(ADMIN_PERMISSIONS,
			List.of(Permissions.BILLING_MANAGE, Permissions.ORGANIZATION_DELETE));

	private static final Map<String, Set<String>> PERMISSIONS = Map.of(OWNER, OWNER_PERMISSIONS, ADMIN,
			ADMIN_PERMISSIONS, MEMBER, MEMBER_PERMISSIONS);

	private static final List<Role> ROLES = List.of(
			Role.builtIn(OWNER, "Everything, including billing and deleting the organization", OWNER_PERMISSIONS),
			Role.builtIn(ADMIN, "Manages members, invitations, clients, API tokens and roles, and uses every feature",
					ADMIN_PERMISSIONS),
			Role.builtIn(MEMBER, "Uses the features, administers nothing", MEMBER_PERMISSIONS));

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

	public static boolean isBuiltIn(String role) {
		return PERMISSIONS.containsKey(role);
	}

	/** The permissions of a built-in role, in a fixed order; none for any other name. */
	public static Set<String> permissions(String role) {
		return PERMISSIONS.getOrDefault(role, Set.of());
	}

	private static Set<String> ordered(List<String> permissions) {
		return Collections.unmodifiableSet(new LinkedHashSet<>(permissions));
	}

	private static Set<String> union(Set<String> below, List<String> added) {
		Set<String> union = new LinkedHashSet<>(below);
		union.addAll(added);
		return Collections.unmodifiableSet(union);
	}

}
