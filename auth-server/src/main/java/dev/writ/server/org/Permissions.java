package dev.writ.server.org;

import java.util.Set;

/**
 * The permissions an organization role can carry, as {@code <resource>:<action>} strings:
 * the vocabulary of the built-in roles, which is all a custom role may be made of. The
 * strings are the same as the resource-server starter's {@code WritPermission}, since
 * resource servers enforce what the {@code permissions} claim says.
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

	private Permissions() {
	}

	/** Every permission there is: the owner's. */
	public static Set<String> all() {
		return BuiltInRoles.permissions(BuiltInRoles.OWNER);
	}

	/** Whether {@code permission} is one of {@link #all()}. */
	public static boolean isKnown(String permission) {
		return all().contains(permission);
	}

}
