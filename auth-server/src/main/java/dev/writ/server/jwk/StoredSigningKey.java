package dev.writ.server.jwk;

import java.time.Instant;

/**
 * A row of {@code signing_keys}: the key as stored, private part sealed. Its state is not
 * a field: {@link KeyTimeline} derives it from {@code activatesAt}, the other keys and
 * the time.
 *
 * @param id the creation order, assigned by the database on insert ({@link #UNSAVED}
 * before): of the keys whose activation has passed, the newest created signs
 * @param kid the RFC 7638 thumbprint of the public key
 * @param algorithm the algorithm the key was created for, which may differ from the
 * configured one
 * @param publicJwk the public JWK as JSON
 * @param sealedPrivateKey the private JWK sealed by {@link KeyEncryption}
 * @param kekFingerprint the fingerprint of the key-encryption key that sealed it
 * @param createdAt when the key was created
 * @param activatesAt when it starts to sign
 */
record StoredSigningKey(long id, String kid, SigningAlgorithm algorithm, String publicJwk, byte[] sealedPrivateKey,
		String kekFingerprint, Instant createdAt, Instant activatesAt) {

	static final long UNSAVED = 0;

	StoredSigningKey withId(long id) {
		return new StoredSigningKey(id, this.kid, this.algorithm, this.publicJwk, this.sealedPrivateKey,
				this.kekFingerprint, this.createdAt, this.activatesAt);
	}

}
