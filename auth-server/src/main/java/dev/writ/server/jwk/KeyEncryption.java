package dev.writ.server.jwk;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals private signing keys at rest with AES-256-GCM under the key-encryption key
 * ({@code writ.keys.encryption-key}). Each seal draws a fresh 96-bit IV (NIST SP 800-38D
 * §8.2.2) and authenticates the kid as additional data, so a sealed key copied onto
 * another row does not open.
 */
final class KeyEncryption {

	private static final Logger logger = LoggerFactory.getLogger(KeyEncryption.class);

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	// domain separation: the fingerprint is a hash of this label and the key, never of
	// the key alone
	private static final byte[] FINGERPRINT_LABEL = "writ key-encryption key fingerprint\0"
		.getBytes(StandardCharsets.US_ASCII);

	private final SecretKey key;

	private final String fingerprint;

	private final SecureRandom random;

	KeyEncryption(byte[] key, SecureRandom random) {
		if (key.length != SigningKeyProperties.ENCRYPTION_KEY_BYTES) {
			throw new IllegalArgumentException("A key-encryption key has " + SigningKeyProperties.ENCRYPTION_KEY_BYTES
					+ " bytes, not " + key.length);
		}
		this.key = new SecretKeySpec(key, "AES");
		this.fingerprint = fingerprint(key);
		this.random = random;
	}

	/**
	 * The configured key-encryption key or, when none is configured, a random one that
	 * only suits development.
	 */
	static KeyEncryption from(SigningKeyProperties properties, SecureRandom random) {
		byte[] key = properties.encryptionKeyBytes();
		if (key == null) {
			key = new byte[SigningKeyProperties.ENCRYPTION_KEY_BYTES];
			random.nextBytes(key);
			logger.warn("""

					*******************************************************************************************
					 writ.keys.encryption-key is not set: the signing keys are sealed with a random
					 key-encryption key generated for this run. FOR DEVELOPMENT ONLY. After a restart the keys
					 in the database cannot be read and the server will refuse to start on that database.
					 Set writ.keys.encryption-key to the output of `openssl rand -base64 32`, the same on
					 every node.
					*******************************************************************************************""");
		}
		return new KeyEncryption(key, random);
	}

	/**
	 * Identifies the key-encryption key without revealing it; stored beside every key it
	 * seals.
	 */
	String fingerprint() {
		return this.fingerprint;
	}

	/** {@code IV || ciphertext || tag} of {@code plaintext}, bound to {@code kid}. */
	byte[] seal(String kid, byte[] plaintext) {
		byte[] iv = new byte[IV_BYTES];
		this.random.nextBytes(iv);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, kid, iv);
			ByteBuffer sealed = ByteBuffer.allocate(IV_BYTES + cipher.getOutputSize(plaintext.length));
			sealed.put(iv);
			cipher.doFinal(ByteBuffer.wrap(plaintext), sealed);
			return sealed.array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not seal signing key " + kid, ex);
		}
	}

	/**
	 * The plaintext that {@link #seal} bound to {@code kid}.
	 * @throws IllegalStateException when the data was sealed under another key or for
	 * another kid, or was altered
	 */
	byte[] open(String kid, byte[] sealed) {
		if (sealed.length < IV_BYTES + TAG_BITS / 8) {
			throw new IllegalStateException("Sealed signing key " + kid + " is truncated");
		}
		try {
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, kid, Arrays.copyOf(sealed, IV_BYTES));
			return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not open signing key " + kid
					+ ": it was sealed under another writ.keys.encryption-key, or altered", ex);
		}
	}

	private Cipher cipher(int mode, String kid, byte[] iv) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance(TRANSFORMATION);
		cipher.init(mode, this.key, new GCMParameterSpec(TAG_BITS, iv));
		cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
		return cipher;
	}

	private static String fingerprint(byte[] key) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(FINGERPRINT_LABEL);
			byte[] hash = digest.digest(key);
			return HexFormat.of().formatHex(hash, 0, 8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
