package dev.writ.resourceserver;

/**
 * The permissions the built-in organization roles carry, as strings in the
 * {@code <resource>:<action>} form, and the authority each one becomes.
 *
 * <p>
 * Permissions let a resource server ask "may the caller delete projects?" rather than "is
 * the caller an admin?", so that an organization's own roles (mapped through
 * {@link RolePermissions}) work with the same rules as the built-in ones. The strings are
 * open: an application may require permissions of its own, as long as some mapping or the
 * token's {@code permissions} claim grants them.
 *
 * @see RolePermissions#defaults()
 * @see RequirePermission
 */
public final class WritPermission {

	/**
	 * The prefix of a permission's authority, e.g. {@code PERMISSION_projects:delete}.
	 */
	public static final String AUTHORITY_PREFIX = "PERMISSION_";

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

	/** Rename the organization and change its settings (e.g. the API-token policy). */
	public static final String ORGANIZATION_UPDATE = "organization:update";

	public static final String BILLING_MANAGE = "billing:manage";

	public static final String ORGANIZATION_DELETE = "organization:delete";

	private WritPermission() {
	}

	/** The authority Spring Security sees for {@code permission}. */
	public static String authority(String permission) {
		return AUTHORITY_PREFIX + permission;
	}

}
