package dev.writ.server.org;

import java.util.Set;

/**
 * A role change that would hand out, or take from a role, permissions its author does not
 * hold. Nobody can grant more than they have, or a member with {@code roles:manage} could
 * define a role with {@code billing:manage} and be given it.
 */
public final class RoleEscalationException extends RuntimeException {

	private final Set<String> missing;

	RoleEscalationException(Set<String> missing) {
		super("the role has permissions its author does not hold: " + String.join(", ", missing), null, false, false);
		this.missing = Set.copyOf(missing);
	}

	/** The permissions the author lacks. */
	public Set<String> missing() {
		return this.missing;
	}

}
