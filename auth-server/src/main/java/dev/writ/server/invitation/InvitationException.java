package dev.writ.server.invitation;

/**
 * An invitation link that cannot be used, and why. The message never repeats an email
 * address or the token.
 */
public final class InvitationException extends RuntimeException {

	/** Why a link cannot be used. */
	public enum Reason {

		/**
		 * No invitation has this token (mistyped or cut link, or a deleted organization).
		 */
		UNKNOWN("no such invitation"),

		/** The invitation was accepted already; a link works once. */
		USED("the invitation has already been used"),

		/** The invitation is older than {@code writ.invitation.time-to-live}. */
		EXPIRED("the invitation has expired"),

		/** The user accepting it is not the one invited (their email address differs). */
		WRONG_RECIPIENT("the invitation is for another email address");

		private final String message;

		Reason(String message) {
			this.message = message;
		}

	}

	private final Reason reason;

	InvitationException(Reason reason) {
		super(reason.message, null, false, false);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

}
