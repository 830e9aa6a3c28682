package dev.writ.server.session;

import dev.writ.server.protocol.OpaqueTokens;

/**
 * The random values of a session and the hash under which the store keeps a secret.
 * SHA-256 without a salt is enough for 256 random bits: there is nothing to guess.
 */
final class SessionSecrets {

	/** 256 bits (OWASP asks at least 64 bits of entropy of a session id). */
	private static final int SECRET_BYTES = 32;

	/** 128 bits: unguessable as well, though it grants nothing on its own. */
	private static final int ID_BYTES = 16;

	/** The length of a base64url secret without padding. */
	private static final int SECRET_LENGTH = 43;

	private SessionSecrets() {
	}

	static String newSecret() {
		return OpaqueTokens.random(SECRET_BYTES);
	}

	static String newId() {
		return OpaqueTokens.random(ID_BYTES);
	}

	/** The base64url SHA-256 of a secret; the store's key. */
	static String hash(String secret) {
		return OpaqueTokens.hash(secret);
	}

	/**
	 * Whether a cookie value could be a secret at all; anything else is not looked up.
	 */
	static boolean isWellFormed(String value) {
		if (value.length() != SECRET_LENGTH) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean base64url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '_';
			if (!base64url) {
				return false;
			}
		}
		return true;
	}

}
