package dev.writ.server.org;

/**
 * A role change that the organization's current state forbids, and why.
 */
public final class RoleConflictException extends RuntimeException {

	/** Why a role cannot be changed as asked. */
	public enum Reason {

		/** The organization already has a role of that name, built-in or its own. */
		EXISTS,

		/** Owner, admin and member are the same in every organization. */
		BUILT_IN,

		/**
		 * Members hold the role, or pending invitations grant it: deleting it would leave
		 * them with a role that means nothing.
		 */
		IN_USE

	}

	private final Reason reason;

	RoleConflictException(Reason reason, String message) {
		super(message, null, false, false);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

}
