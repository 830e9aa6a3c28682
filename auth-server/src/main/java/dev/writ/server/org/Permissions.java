package dev.writ.server.org;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The permissions of the organization roles, in the {@code <resource>:<action>} form, and
 * the built-in roles' table: member, admin (member's and administration), owner (admin's,
 * billing and deletion). It equals the resource-server starter's
 * {@code RolePermissions.defaults()} and {@code WritPermission}, which are the contract
 * resource servers enforce; the auth-server keeps its own copy because it does not depend
 * on the starter (its auto-configuration would switch on inside the server).
 * {@code PermissionsTests} here and {@code RolePermissionsTests} there pin the same
 * table.
 */
public final class Permissions {

	public static final String PROJECTS_READ = "projects:read";

	public static final String PROJECTS_WRITE = "projects:write";

	public static final String DEPLOYMENTS_READ = "deployments:read";

	public static final String DEPLOYMENTS_WRITE = "deployments:write";

	public static final String PROJECTS_DELETE = "projects:delete";

	public static final String MEMBERS_MANAGE = "members:manage";

	public static final String INVITATIONS_MANAGE = "invitations:manage";

	public static final String CLIENTS_MANAGE = "clients:manage";

	public static final String API_TOKENS_MANAGE = "api_tokens:manage";

	public static final String AUDIT_READ = "audit:read";

	/** Define, change and delete the organization's own roles. */
	public static final String ROLES_MANAGE = "roles:manage";

	/** Rename the organization and change its settings. */
	public static final String ORGANIZATION_UPDATE = "organization:update";

	public static final String BILLING_MANAGE = "billing:manage";

	public static final String ORGANIZATION_DELETE = "organization:delete";

	/** The built-in roles, highest first. */
	public static final String OWNER = "owner";

	public static final String ADMIN = "admin";

	public static final String MEMBER = "member";

	private static final Set<String> MEMBER_PERMISSIONS = ordered(
			List.of(PROJECTS_READ, PROJECTS_WRITE, DEPLOYMENTS_READ, DEPLOYMENTS_WRITE));

	private static final Set<String> ADMIN_PERMISSIONS = union(MEMBER_PERMISSIONS,
			List.of(PROJECTS_DELETE, MEMBERS_MANAGE, INVITATIONS_MANAGE, CLIENTS_MANAGE, API_TOKENS_MANAGE, AUDIT_READ,
					ROLES_MANAGE, ORGANIZATION_UPDATE));

	private static final Set<String> OWNER_PERMISSIONS = union(ADMIN_PERMISSIONS,
			List.of(BILLING_MANAGE, ORGANIZATION_DELETE));

	private static final Map<String, Set<String>> BUILT_IN = Map.of(OWNER, OWNER_PERMISSIONS, ADMIN, ADMIN_PERMISSIONS,
			MEMBER, MEMBER_PERMISSIONS);

	private Permissions() {
	}

	/** Every permission Writ knows: the owner's. */
	public static Set<String> all() {
		return OWNER_PERMISSIONS;
	}

	/**
	 * Whether {@code permission} is one of {@link #all()}: the vocabulary an
	 * organization's own roles are made of.
	 */
	public static boolean isKnown(String permission) {
		return OWNER_PERMISSIONS.contains(permission);
	}

	/** Whether {@code role} is {@code owner}, {@code admin} or {@code member}. */
	public static boolean isBuiltIn(String role) {
		return BUILT_IN.containsKey(role);
	}

	/** The permissions of a built-in role; none for any other name. */
	public static Set<String> ofBuiltIn(String role) {
		return BUILT_IN.getOrDefault(role, Set.of());
	}

	private static Set<String> ordered(List<String> permissions) {
		return Collections.unmodifiableSet(new LinkedHashSet<>(permissions));
	}

	private static Set<String> union(Set<String> first, List<String> second) {
		Set<String> union = new LinkedHashSet<>(first);
		union.addAll(second);
		return Collections.unmodifiableSet(union);
	}

}
