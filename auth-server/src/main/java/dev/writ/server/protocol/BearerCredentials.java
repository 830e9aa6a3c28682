package dev.writ.server.protocol;

import org.jspecify.annotations.Nullable;

/**
 * The token of an {@code Authorization: Bearer …} header (RFC 6750 §2.1), for the
 * endpoints that take this server's access tokens: the scheme is matched without regard
 * to case (RFC 9110 §11.1).
 */
public final class BearerCredentials {

	private static final String SCHEME = "Bearer ";

	private BearerCredentials() {
	}

	/**
	 * The token, or {@code null} when {@code authorization} is not bearer credentials.
	 */
	@Nullable public static String token(String authorization) {
		if (authorization.length() <= SCHEME.length()
				|| !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
			return null;
		}
		return authorization.substring(SCHEME.length()).trim();
	}

}
