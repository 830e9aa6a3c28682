package dev.writ.server.apitoken;

/**
 * A token just created: the only moment its secret exists outside the caller's hands.
 *
 * @param secret {@code writ_pat_} and 256 random bits; shown to the creator once, never
 * stored
 * @param token the token's metadata
 */
public record CreatedApiToken(String secret, ApiToken token) {

	/** Keeps the secret out of logs and exception messages. */
	@Override
	public String toString() {
		return "CreatedApiToken[secret=writ_pat_***, token=" + this.token + "]";
	}

}
