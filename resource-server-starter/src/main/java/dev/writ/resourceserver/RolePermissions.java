package dev.writ.resourceserver;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Which permissions each organization role grants, keyed by the value of the token's
 * {@code role} claim (lower case). The starter turns the caller's permissions into
 * {@code PERMISSION_<permission>} authorities.
 *
 * <p>
 * The {@link #defaults() defaults} map the built-in roles so that each includes the one
 * below it (owner > admin > member). A role this mapping does not name grants no
 * permissions, which is how an organization's custom role stays harmless until a resource
 * server maps it ({@code writ.resource-server.role-permissions.<role>} or a bean of this
 * type).
 */
public final class RolePermissions {

	private static final Set<String> MEMBER = ordered(WritPermission.PROJECTS_READ, WritPermission.PROJECTS_WRITE,
			WritPermission.DEPLOYMENTS_READ, WritPermission.DEPLOYMENTS_WRITE);

	private static final Set<String> ADMIN = union(MEMBER,
			ordered(WritPermission.PROJECTS_DELETE, WritPermission.MEMBERS_MANAGE, WritPermission.INVITATIONS_MANAGE,
					WritPermission.CLIENTS_MANAGE, WritPermission.API_TOKENS_MANAGE, WritPermission.AUDIT_READ,
					WritPermission.ROLES_MANAGE, WritPermission.ORGANIZATION_UPDATE));

	private static final Set<String> OWNER = union(ADMIN,
			ordered(WritPermission.BILLING_MANAGE, WritPermission.ORGANIZATION_DELETE));

	private static final RolePermissions DEFAULTS = new RolePermissions(Map.of(OrgRole.OWNER.claimValue(), OWNER,
			OrgRole.ADMIN.claimValue(), ADMIN, OrgRole.MEMBER.claimValue(), MEMBER));

	private final Map<String, Set<String>> permissions;

	private RolePermissions(Map<String, ? extends Collection<String>> permissions) {
		Map<String, Set<String>> copy = new LinkedHashMap<>();
		permissions.forEach((role, granted) -> copy.put(key(role), ordered(granted.toArray(String[]::new))));
		this.permissions = Map.copyOf(copy);
	}

	/**
	 * The built-in roles: member has {@code projects:read}, {@code projects:write},
	 * {@code deployments:read}, {@code deployments:write}; admin adds
	 * {@code projects:delete}, {@code members:manage}, {@code invitations:manage},
	 * {@code clients:manage}, {@code api_tokens:manage}, {@code audit:read},
	 * {@code roles:manage}, {@code organization:update}; owner adds
	 * {@code billing:manage}, {@code organization:delete}.
	 */
	public static RolePermissions defaults() {
		return DEFAULTS;
	}

	/** Exactly {@code permissions}, with no built-in role unless it is named. */
	public static RolePermissions of(Map<String, ? extends Collection<String>> permissions) {
		return new RolePermissions(permissions);
	}

	/**
	 * These mappings with {@code overrides} on top: a role named there gets exactly the
	 * permissions listed (they replace, not extend, so a built-in role can also be
	 * narrowed); other roles keep theirs.
	 */
	public RolePermissions with(Map<String, ? extends Collection<String>> overrides) {
		Map<String, Collection<String>> merged = new LinkedHashMap<>(this.permissions);
		overrides.forEach((role, granted) -> merged.put(key(role), granted));
		return new RolePermissions(merged);
	}

	/**
	 * The permissions of {@code role} (a {@code role} claim value, any case); empty for
	 * none or an unmapped role.
	 */
	public Set<String> permissions(@Nullable String role) {
		if (role == null) {
			return Set.of();
		}
		return this.permissions.getOrDefault(key(role), Set.of());
	}

	/** Every mapped role with its permissions. */
	public Map<String, Set<String>> asMap() {
		return this.permissions;
	}

	private static String key(String role) {
		return role.toLowerCase(Locale.ROOT);
	}

	private static Set<String> ordered(String... permissions) {
		Set<String> ordered = new LinkedHashSet<>();
		for (String permission : permissions) {
			String trimmed = permission.strip();
			if (!trimmed.isEmpty()) {
				ordered.add(trimmed);
			}
		}
		return Collections.unmodifiableSet(ordered);
	}

	private static Set<String> union(Set<String> first, Set<String> second) {
		Set<String> union = new LinkedHashSet<>(first);
		union.addAll(second);
		return Collections.unmodifiableSet(union);
	}

	@Override
	public String toString() {
		return "RolePermissions " + this.permissions;
	}

}
