package dev.writ.server.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random opaque values (codes, refresh tokens, session secrets) and the hashes they are
 * stored under. 256 random bits cannot be guessed, so an unsalted SHA-256 is enough to
 * keep a copy of the store from being a copy of the credentials.
 */
public final class OpaqueTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private OpaqueTokens() {
	}

	/** 256 random bits, base64url without padding, after {@code prefix}. */
	public static String generate(String prefix) {
		return prefix + random(32);
	}

	/** {@code bytes} random bytes, base64url without padding. */
	public static String random(int bytes) {
		byte[] random = new byte[bytes];
		RANDOM.nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

	/** The SHA-256 of {@code value}, base64url without padding. */
	public static String hash(String value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

}
