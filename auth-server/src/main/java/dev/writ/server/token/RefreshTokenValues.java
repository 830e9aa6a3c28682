package dev.writ.server.token;

import dev.writ.server.protocol.OpaqueTokens;

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

	static final String PREFIX = RefreshTokenFamilies.PREFIX;

	private RefreshTokenValues() {
	}

	static String newValue() {
		return OpaqueTokens.generate(PREFIX);
	}

	/** 128 random bits: a family id that no node needs to coordinate with another. */
	static String newFamilyId() {
		return OpaqueTokens.random(16);
	}

	/** The SHA-256 of the whole value, prefix included. */
	static String hash(String value) {
		return OpaqueTokens.hash(value);
	}

	/**
	 * Whether {@code value} could be a refresh token at all; anything else is unknown
	 * without asking Redis.
	 */
	static boolean isWellFormed(String value) {
		return value != null && value.startsWith(PREFIX) && value.length() == PREFIX.length() + 43;
	}

}
