package dev.writ.server.admin;

import java.util.Set;

import dev.writ.server.org.Permissions;
import org.jspecify.annotations.Nullable;

/**
 * What a caller may do in one organization, decided for this request: a member's
 * permissions come from the role they have now, a platform operator has every permission.
 *
 * @param caller who is calling
 * @param organizationId the organization, which exists
 * @param role the member's current role, or {@code null} for a platform operator
 * @param permissions what the caller may do there
 */
public record OrganizationAccess(AdminCaller caller, String organizationId, @Nullable String role,
		Set<String> permissions) {

	public OrganizationAccess {
		permissions = Set.copyOf(permissions);
	}

	/** Whether the caller acts with a platform scope rather than as a member. */
	public boolean platform() {
		return this.role == null;
	}

	public boolean has(String permission) {
		return this.permissions.contains(permission);
	}

	/** Whether the caller is an owner here, or a platform operator. */
	public boolean ownerOrPlatform() {
		return platform() || Permissions.OWNER.equals(this.role);
	}

	/**
	 * Whether {@code userId} is the calling user; a platform operator is nobody's
	 * account.
	 */
	public boolean isCaller(String userId) {
		return this.caller.user() && this.caller.subject().equals(userId);
	}

}
