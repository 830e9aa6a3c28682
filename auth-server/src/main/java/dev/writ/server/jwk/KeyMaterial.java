package dev.writ.server.jwk;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Instant;
import java.util.Arrays;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jwk.JWK;

/**
 * Creates signing keys sealed for storage, and opens stored ones into keys that sign.
 * Both are CPU work (RSA key generation takes a noticeable fraction of a second) and must
 * run off the event loops.
 */
final class KeyMaterial {

	private static final byte[] WARM_UP_INPUT = "warm-up".getBytes(StandardCharsets.US_ASCII);

	private final KeyEncryption encryption;

	private final SecureRandom random;

	/**
	 * @param encryption seals and opens private keys
	 * @param random feeds key generation and ECDSA nonces; it must not block once seeded
	 * (see {@link SigningKeyConfiguration#signingKeyRandom()})
	 */
	KeyMaterial(KeyEncryption encryption, SecureRandom random) {
		this.encryption = encryption;
		this.random = random;
	}

	String fingerprint() {
		return this.encryption.fingerprint();
	}

	StoredSigningKey generate(SigningAlgorithm algorithm, int rsaKeySize, Instant createdAt, Instant activatesAt) {
		JWK privateKey;
		try {
			privateKey = algorithm.generate(rsaKeySize, this.random);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not generate a " + algorithm.jwsAlgorithm() + " key", ex);
		}
		String kid = privateKey.getKeyID();
		byte[] plaintext = privateKey.toJSONString().getBytes(StandardCharsets.UTF_8);
		try {
			byte[] sealed = this.encryption.seal(kid, plaintext);
			return new StoredSigningKey(StoredSigningKey.UNSAVED, kid, algorithm,
					privateKey.toPublicJWK().toJSONString(), sealed, this.encryption.fingerprint(), createdAt,
					activatesAt);
		}
		finally {
			Arrays.fill(plaintext, (byte) 0);
		}
	}

	/**
	 * Opens a stored key. The public JWK it returns is derived from the decrypted private
	 * key and must match both the stored public JWK and the kid, so a row whose public
	 * part was replaced in the database is refused rather than published.
	 */
	SigningKey open(StoredSigningKey stored) {
		byte[] plaintext = this.encryption.open(stored.kid(), stored.sealedPrivateKey());
		try {
			JWK privateKey = JWK.parse(new String(plaintext, StandardCharsets.UTF_8));
			JWK publicKey = privateKey.toPublicJWK();
			if (!privateKey.isPrivate() || !stored.kid().equals(privateKey.getKeyID())
					|| !stored.kid().equals(publicKey.computeThumbprint().toString())
					|| !publicKey.equals(JWK.parse(stored.publicJwk()))) {
				throw new IllegalStateException(
						"Signing key " + stored.kid() + " does not match its stored public key or kid");
			}
			JWSSigner signer = stored.algorithm().signer(privateKey, this.random);
			warmUp(signer, stored.algorithm());
			return new SigningKey(stored.kid(), stored.algorithm().jwsAlgorithm(), signer, publicKey);
		}
		catch (ParseException | JOSEException ex) {
			throw new IllegalStateException("Could not open signing key " + stored.kid(), ex);
		}
		finally {
			Arrays.fill(plaintext, (byte) 0);
		}
	}

	/**
	 * Signs once, here off the event loops, what a first signature would otherwise do on
	 * one: the JDK draws RSA blinding parameters from the platform random source (a file
	 * read) on a key's first signature and caches them for that key, and the first use of
	 * a provider loads classes.
	 */
	private static void warmUp(JWSSigner signer, SigningAlgorithm algorithm) throws JOSEException {
		signer.sign(new JWSHeader(algorithm.jwsAlgorithm()), WARM_UP_INPUT);
	}

}
