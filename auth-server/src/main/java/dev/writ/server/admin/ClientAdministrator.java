package dev.writ.server.admin;

import java.util.Objects;
import java.util.Set;

import dev.writ.server.client.Client;
import dev.writ.server.event.Actor;
import dev.writ.server.org.Permissions;
import org.jspecify.annotations.Nullable;

/**
 * Who manages clients, and within which bounds: a platform operator (every client,
 * including those of no organization, and the platform scopes), or an organization's
 * administrator, who sees only the organization's clients and gives a client no more than
 * they hold themselves, by the rules of {@link AdminAuthorization}: a role whose
 * permissions the administrator has, {@code owner} only from an owner, no {@code admin:}
 * scope ever.
 *
 * @param actor who acts, as the audit log names them
 * @param organizationId the administrator's organization, or {@code null} for a platform
 * operator
 * @param role the administrator's current role there, or {@code null} for a platform
 * operator
 * @param permissions what that role permits now
 */
public record ClientAdministrator(Actor actor, @Nullable String organizationId, @Nullable String role,
		Set<String> permissions) {

	/**
	 * Scopes of the platform's own administration: a client holding one administers every
	 * organization, so no organization's administrator may hand one out.
	 */
	static final String PLATFORM_SCOPE_PREFIX = "admin:";

	public ClientAdministrator {
		Objects.requireNonNull(actor, "actor");
		if ((organizationId == null) != (role == null)) {
			throw new IllegalArgumentException("an organization's administrator has a role there, a platform none");
		}
		permissions = Set.copyOf(permissions);
	}

	/** A platform operator: the {@code admin:clients} scope. */
	public static ClientAdministrator platform(Actor actor) {
		return new ClientAdministrator(actor, null, null, Permissions.all());
	}

	/** An organization's administrator, in the role they have there now. */
	public static ClientAdministrator ofOrganization(Actor actor, String organizationId, String role,
			Set<String> permissions) {
		return new ClientAdministrator(actor, Objects.requireNonNull(organizationId, "organizationId"),
				Objects.requireNonNull(role, "role"), permissions);
	}

	public boolean isPlatform() {
		return this.organizationId == null;
	}

	/**
	 * Whether a client of {@code clientOrganizationId} is one this administrator sees.
	 */
	boolean sees(@Nullable String clientOrganizationId) {
		return isPlatform() || this.organizationId.equals(clientOrganizationId);
	}

	/**
	 * Whether this administrator may give a client the organization role
	 * {@code clientRole}.
	 */
	boolean mayGive(String clientRole) {
		if (isPlatform()) {
			return true;
		}
		if (Permissions.OWNER.equals(clientRole) && !Permissions.OWNER.equals(this.role)) {
			return false;
		}
		return Permissions.isBuiltIn(clientRole) && this.permissions.containsAll(Permissions.ofBuiltIn(clientRole));
	}

	/**
	 * Refuses a registration (valid in itself) that would give more than this
	 * administrator holds: another organization, a role beyond theirs, a platform scope.
	 * @throws ClientAccessDeniedException naming what is refused
	 */
	void checkMayRegister(ClientRegistration registration) {
		if (isPlatform()) {
			return;
		}
		if (!this.organizationId.equals(registration.organization())) {
			throw new ClientAccessDeniedException("a client can be registered only in the administrator's own"
					+ " organization '" + this.organizationId + "'");
		}
		if (!mayGive(registration.organizationRole())) {
			throw new ClientAccessDeniedException("the role '" + registration.organizationRole()
					+ "' has permissions beyond the administrator's role '" + this.role + "'");
		}
		for (String scope : registration.scopes()) {
			if (scope.startsWith(PLATFORM_SCOPE_PREFIX)) {
				throw new ClientAccessDeniedException(
						"the scope '" + scope + "' administers the platform; only a platform operator may give it");
			}
		}
	}

	/**
	 * Refuses a change to a client that acts with more than this administrator holds:
	 * rotating the secret of an owner's machine client would hand out owner tokens.
	 * @throws ClientAccessDeniedException naming what is refused
	 */
	void checkMayManage(Client client) {
		if (isPlatform()) {
			return;
		}
		if (client.organization() != null && !mayGive(client.organization().role())) {
			throw new ClientAccessDeniedException("the client acts as '" + client.organization().role()
					+ "', which has permissions beyond the administrator's role '" + this.role + "'");
		}
		if (client.scope().tokens().stream().anyMatch((scope) -> scope.startsWith(PLATFORM_SCOPE_PREFIX))) {
			throw new ClientAccessDeniedException(
					"the client holds platform scopes, which only a platform operator manages");
		}
	}

}
