package dev.writ.server.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Makes refresh-token values and the hashes they are stored under.
 *
 * <p>
 * A value is {@value #PREFIX} and 256 random bits in base64url: the prefix lets secret
 * scanners recognise a leaked token, and the bits make guessing hopeless. Since the value
 * carries that much entropy, an unsalted SHA-256 is enough to make a stolen copy of Redis
 * useless (unlike a password, nothing can be guessed from the hash), and it lets a
 * presented token be looked up directly by its hash, so no stored secret is ever compared
 * byte by byte.
 */
final class RefreshTokenValues {

	static final String PREFIX = "writ_rt_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private RefreshTokenValues() {
	}

	static String newValue() {
		return PREFIX + random(32);
	}

	/** 128 random bits: a family id that no node needs to coordinate with another. */
	static String newFamilyId() {
		return random(16);
	}

	/** The hex SHA-256 of the whole value, prefix included. */
	static String hash(String value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform must support SHA-256", ex);
		}
	}

	/**
	 * Whether {@code value} could be a refresh token at all; anything else is unknown
	 * without asking Redis.
	 */
	static boolean isWellFormed(String value) {
		return value != null && value.startsWith(PREFIX) && value.length() == PREFIX.length() + 43;
	}

	private static String random(int bytes) {
		byte[] random = new byte[bytes];
		RANDOM.nextBytes(random);
		return BASE64URL.encodeToString(random);
	}

}
