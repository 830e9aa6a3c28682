package dev.writ.server.token;

import java.time.Instant;

/**
 * A refresh token as it is handed to the client; its value exists nowhere else, since
 * Writ stores only its hash.
 *
 * @param value the opaque token, {@code writ_rt_} followed by 256 random bits
 * @param familyId the family the token belongs to, to which the access tokens minted with
 * it are bound
 * @param expiresAt when the token expires unless rotated: its idle expiry, or the
 * family's absolute expiry if that comes first
 */
public record IssuedRefreshToken(String value, String familyId, Instant expiresAt) {

	@Override
	public String toString() {
		// a token must not reach a log through a record's toString
		return "IssuedRefreshToken[familyId=" + this.familyId + ", expiresAt=" + this.expiresAt + "]";
	}

}
