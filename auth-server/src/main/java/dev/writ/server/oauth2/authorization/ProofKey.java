package dev.writ.server.oauth2.authorization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

import org.springframework.lang.Nullable;

/**
 * Proof Key for Code Exchange (RFC 7636) with the {@code S256} method, the only one Writ
 * accepts: {@code plain} would let anyone who sees the authorization request redeem the
 * code (OAuth 2.1 §7.5.2).
 */
public final class ProofKey {

	public static final String S256 = "S256";

	/** RFC 7636 §4.1: {@code 43*128unreserved}. */
	private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");

	/** RFC 7636 §4.2: BASE64URL(SHA256(verifier)) is 43 characters. */
	private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9\\-_]{43}");

	private ProofKey() {
	}

	static boolean isS256Challenge(String challenge) {
		return S256_CHALLENGE.matcher(challenge).matches();
	}

	/**
	 * RFC 7636 §4.6: whether {@code verifier} is well formed and hashes to
	 * {@code challenge}, compared in constant time.
	 */
	public static boolean verifies(@Nullable String verifier, String challenge) {
		if (verifier == null || !VERIFIER.matcher(verifier).matches()) {
			return false;
		}
		byte[] computed = Base64.getUrlEncoder()
			.withoutPadding()
			.encode(sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
		return MessageDigest.isEqual(computed, challenge.getBytes(StandardCharsets.US_ASCII));
	}

	private static byte[] sha256(byte[] input) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(input);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

}
