package dev.writ.server.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The random values of a session and the hash under which the store keeps a secret.
 * SHA-256 without a salt is enough for 256 random bits: there is nothing to guess.
 */
final class SessionSecrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	/** 256 bits (OWASP asks at least 64 bits of entropy of a session id). */
	private static final int SECRET_BYTES = 32;

	/** 128 bits: unguessable as well, though it grants nothing on its own. */
	private static final int ID_BYTES = 16;

	/** The length of a base64url secret without padding. */
	private static final int SECRET_LENGTH = 43;

	private SessionSecrets() {
	}

	static String newSecret() {
		return random(SECRET_BYTES);
	}

	static String newId() {
		return random(ID_BYTES);
	}

	/** The base64url SHA-256 of a secret; the store's key. */
	static String hash(String secret) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
			return BASE64URL.encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
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

	private static String random(int bytes) {
		byte[] value = new byte[bytes];
		RANDOM.nextBytes(value);
		return BASE64URL.encodeToString(value);
	}

}
