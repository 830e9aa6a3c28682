package dev.writ.server.admin;

import java.util.Set;

import dev.writ.server.org.Memberships;
import dev.writ.server.org.Organizations;
import dev.writ.server.org.Permissions;
import dev.writ.server.org.RolePermissions;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;

import reactor.core.publisher.Mono;

/**
 * Decides whether the caller may act in an organization, and grant what. A user needs
 * {@value AdminScopes#MANAGE_ORGANIZATION}, the organization must be the one their token
 * names (switching organization means new tokens), and the permission must be in the role
 * they have there now, read from PostgreSQL on every request so that a demotion applies
 * at once. A machine client with {@value AdminScopes#ADMIN_ORGANIZATIONS} has every
 * permission in every organization.
 *
 * <p>
 * Nobody escapes two rules: a caller never grants a role whose permissions it does not
 * hold itself, and only an owner (or the platform) makes, demotes or removes an owner.
 */
@Component
public final class AdminAuthorization {

	private final AdminAuthentication authentication;

	private final Memberships memberships;

	private final Organizations organizations;

	private final RolePermissions rolePermissions;

	AdminAuthorization(AdminAuthentication authentication, Memberships memberships, Organizations organizations,
			RolePermissions rolePermissions) {
		this.authentication = authentication;
		this.memberships = memberships;
		this.organizations = organizations;
		this.rolePermissions = rolePermissions;
	}

	/**
	 * The authenticated caller, with {@code scope}; 403 {@code insufficient_scope} else.
	 */
	public Mono<AdminCaller> withScope(ServerRequest request, String scope) {
		return this.authentication.authenticate(request).map((caller) -> {
			if (!caller.hasScope(scope)) {
				throw AdminProblem.insufficientScope(scope);
			}
			return caller;
		});
	}

	/**
	 * A machine client with the platform scope {@code scope}: a user's token never
	 * qualifies, whatever it carries.
	 */
	public Mono<AdminCaller> platform(ServerRequest request, String scope) {
		return this.authentication.authenticate(request).map((caller) -> {
			if (!caller.isPlatform(scope)) {
				throw AdminProblem.insufficientScope(scope);
			}
			return caller;
		});
	}

	/** The caller's access to {@code organizationId}, whatever its permissions. */
	public Mono<OrganizationAccess> inOrganization(ServerRequest request, String organizationId) {
		return this.authentication.authenticate(request).flatMap((caller) -> access(caller, organizationId));
	}

	/**
	 * The caller's access to {@code organizationId}, which must include
	 * {@code permission}.
	 */
	public Mono<OrganizationAccess> inOrganization(ServerRequest request, String organizationId, String permission) {
		return inOrganization(request, organizationId).map((access) -> {
			if (!access.has(permission)) {
				throw AdminProblem.forbidden("this needs the permission '" + permission + "'");
			}
			return access;
		});
	}

	/** The caller's access to {@code organizationId}. */
	public Mono<OrganizationAccess> access(AdminCaller caller, String organizationId) {
		if (caller.isPlatform(AdminScopes.ADMIN_ORGANIZATIONS)) {
			return this.organizations.findById(organizationId)
				.switchIfEmpty(Mono.error(() -> AdminProblem.notFound("no such organization")))
				.map((organization) -> new OrganizationAccess(caller, organization.id(), null, Permissions.all()));
		}
		if (!caller.user()) {
			return Mono.error(AdminProblem.insufficientScope(AdminScopes.ADMIN_ORGANIZATIONS));
		}
		if (!caller.hasScope(AdminScopes.MANAGE_ORGANIZATION)) {
			return Mono.error(AdminProblem.insufficientScope(AdminScopes.MANAGE_ORGANIZATION));
		}
		if (!organizationId.equals(caller.organizationId())) {
			return Mono.error(AdminProblem
				.forbidden("the access token is for another organization; request tokens for this one"));
		}
		return this.memberships.find(caller.subject(), organizationId)
			.flatMap((membership) -> this.rolePermissions.permissions(organizationId, membership.role())
				.defaultIfEmpty(Set.of())
				.map((permissions) -> new OrganizationAccess(caller, organizationId, membership.role(), permissions)))
			.switchIfEmpty(
					Mono.error(() -> AdminProblem.forbidden("the caller is no longer a member of the organization")));
	}

	/**
	 * The permissions of {@code role} in the organization, when the caller may grant it:
	 * 400 for a role the organization does not have, 403 for one beyond the caller.
	 */
	public Mono<Set<String>> grantable(OrganizationAccess access, String role, String pointer) {
		return this.rolePermissions.permissions(access.organizationId(), role)
			.switchIfEmpty(Mono.error(() -> AdminProblem.invalidField(pointer, "no such role")))
			.map((permissions) -> {
				if (!access.platform() && !access.permissions().containsAll(permissions)) {
					throw AdminProblem.forbidden("a caller cannot grant a role with permissions it does not have");
				}
				if (Permissions.OWNER.equals(role) && !access.ownerOrPlatform()) {
					throw AdminProblem.forbidden("only an owner can make an owner");
				}
				return permissions;
			});
	}

	/**
	 * Whether the caller may change or end the membership of someone who has
	 * {@code currentRole}: not when that role is beyond the caller's own, and an owner
	 * only by an owner.
	 */
	public Mono<Void> mayManage(OrganizationAccess access, String currentRole) {
		if (access.platform()) {
			return Mono.empty();
		}
		if (Permissions.OWNER.equals(currentRole) && !access.ownerOrPlatform()) {
			return Mono.error(AdminProblem.forbidden("only an owner can change or remove an owner"));
		}
		return this.rolePermissions.permissions(access.organizationId(), currentRole)
			.defaultIfEmpty(Set.of())
			.flatMap((permissions) -> access.permissions().containsAll(permissions) ? Mono.<Void>empty()
					: Mono.error(AdminProblem
						.forbidden("a caller cannot change a member whose role has permissions it does not have")));
	}

}
