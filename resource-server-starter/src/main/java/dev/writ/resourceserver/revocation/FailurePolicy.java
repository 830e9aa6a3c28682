package dev.writ.resourceserver.revocation;

/** What to do with a token when its revocation status cannot be established. */
public enum FailurePolicy {

	/** Answer 401 {@code invalid_token}: a revoked token must never pass. */
	REJECT,

	/** Let the token through and log: availability over revocation. */
	ACCEPT

}
