package dev.writ.server.admin;

import java.util.List;
import java.util.Objects;

import dev.writ.server.event.Actor;
import dev.writ.server.org.OrganizationRole;
import org.jspecify.annotations.Nullable;

/**
 * Who manages clients, and within which bounds: a platform operator (every client,
 * including those of no organization, and the platform scopes), or an organization's
 * administrator, who sees only the organization's clients and may give a client no more
 * than they hold themselves.
 *
 * @param actor who acts, as the audit log names them
 * @param organization the organization and the administrator's current role in it, or
 * {@code null} for a platform operator
 */
public record ClientAdministrator(Actor actor, @Nullable OrganizationRole organization) {

	/**
	 * Organization roles from the least to the most powerful: a role may give what comes
	 * before it.
	 */
	private static final List<String> ROLES = List.of("member", "admin", "owner");

	public ClientAdministrator {
		Objects.requireNonNull(actor, "actor");
	}

	/** A platform operator: the {@code admin:clients} scope. */
	public static ClientAdministrator platform(Actor actor) {
		return new ClientAdministrator(actor, null);
	}

	/** An organization's administrator, in the role they have there now. */
	public static ClientAdministrator ofOrganization(Actor actor, OrganizationRole role) {
		return new ClientAdministrator(actor, Objects.requireNonNull(role, "role"));
	}

	public boolean isPlatform() {
		return this.organization == null;
	}

	/** Whether a client of {@code organizationId} is one this administrator may see. */
	boolean sees(@Nullable String organizationId) {
		return this.organization == null || this.organization.organizationId().equals(organizationId);
	}

	/** Whether this administrator holds {@code role} or more in its organization. */
	boolean holds(String role) {
		return ROLES.contains(role)
				&& (this.organization == null || ROLES.indexOf(role) <= ROLES.indexOf(this.organization.role()));
	}

}
