package dev.writ.server.jwk;

import java.time.Duration;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Signing keys: how they are generated, protected at rest, rotated and published. Every
 * default is declared here, on its component, and the constructor refuses combinations
 * that would let a token outlive the key that verifies it.
 *
 * @param encryptionKey Key-encryption key that seals the private keys in the database:
 * the base64 encoding of 32 random bytes (AES-256), for example the output of 'openssl
 * rand -base64 32'. Every node on one database needs the same value. Left unset, a random
 * key is generated at start-up, which suits development only: the keys it seals cannot be
 * read after a restart.
 * @param algorithm JWS algorithm of newly created keys: RS256, ES256 (P-256) or EdDSA
 * (Ed25519). Changing it takes effect at the next scheduled check, through an ordinary
 * rotation.
 * @param rsaKeySize Modulus length in bits of new RS256 keys; at least 2048 (RFC 7518
 * section 3.3).
 * @param refreshInterval How often each node reloads the keys from the database, so that
 * nodes sharing it converge on keys that another node created.
 * @param checkInterval How often a node checks whether a rotation is due and deletes keys
 * past their retention.
 * @param rotationPeriod How long a key signs before a successor is created.
 * @param publicationLead How long a new key is published before it signs. Must exceed
 * jwks-max-age, so that every cached JWKS knows the key by the time tokens carry its kid.
 * @param retention How long a retired key stays published after its successor activates.
 * Must exceed writ.token.max-access-token-time-to-live (24 hours by default), so that
 * every token it signed can be verified until it expires; start-up fails otherwise.
 * @param jwksMaxAge How long clients may cache the JWKS response (Cache-Control max-age).
 */
@ConfigurationProperties("writ.keys")
public record SigningKeyProperties(@Nullable String encryptionKey, @DefaultValue("RS256") SigningAlgorithm algorithm,
		@DefaultValue("2048") int rsaKeySize, @DefaultValue("30s") Duration refreshInterval,
		@DefaultValue("1m") Duration checkInterval, @DefaultValue("30d") Duration rotationPeriod,
		@DefaultValue("1h") Duration publicationLead, @DefaultValue("25h") Duration retention,
		@DefaultValue("5m") Duration jwksMaxAge) {

	static final int ENCRYPTION_KEY_BYTES = 32;

	private static final int MINIMUM_RSA_KEY_SIZE = 2048;

	public SigningKeyProperties {
		if (encryptionKey != null) {
			decode(encryptionKey);
		}
		if (rsaKeySize < MINIMUM_RSA_KEY_SIZE) {
			throw new IllegalArgumentException(
					"writ.keys.rsa-key-size must be at least " + MINIMUM_RSA_KEY_SIZE + " but is " + rsaKeySize);
		}
		requirePositive("refresh-interval", refreshInterval);
		requirePositive("check-interval", checkInterval);
		requirePositive("rotation-period", rotationPeriod);
		requirePositive("publication-lead", publicationLead);
		requirePositive("retention", retention);
		requirePositive("jwks-max-age", jwksMaxAge);
		if (publicationLead.compareTo(jwksMaxAge) <= 0) {
			throw new IllegalArgumentException(
					"writ.keys.publication-lead (" + publicationLead + ") must be greater than writ.keys.jwks-max-age ("
							+ jwksMaxAge + "), or a client could hold a cached JWKS without a key that already signs");
		}
		if (rotationPeriod.compareTo(publicationLead) <= 0) {
			throw new IllegalArgumentException("writ.keys.rotation-period (" + rotationPeriod
					+ ") must be greater than writ.keys.publication-lead (" + publicationLead + ")");
		}
	}

	/** The decoded key-encryption key, or {@code null} when none is configured. */
	byte @Nullable [] encryptionKeyBytes() {
		return (this.encryptionKey != null) ? decode(this.encryptionKey) : null;
	}

	private static byte[] decode(String encoded) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(encoded.trim());
		}
		catch (IllegalArgumentException ex) {
			// the value is a secret: say what is wrong with it, never echo it
			throw new IllegalArgumentException("writ.keys.encryption-key is not valid base64; it must encode "
					+ ENCRYPTION_KEY_BYTES + " random bytes (openssl rand -base64 " + ENCRYPTION_KEY_BYTES + ")");
		}
		if (key.length != ENCRYPTION_KEY_BYTES) {
			throw new IllegalArgumentException(
					"writ.keys.encryption-key must encode " + ENCRYPTION_KEY_BYTES + " bytes (AES-256) but encodes "
							+ key.length + " (openssl rand -base64 " + ENCRYPTION_KEY_BYTES + ")");
		}
		return key;
	}

	private static void requirePositive(String name, Duration value) {
		if (value.isZero() || value.isNegative()) {
			throw new IllegalArgumentException("writ.keys." + name + " must be positive but is " + value);
		}
	}

	@Override
	public String toString() {
		// records print every component; the key-encryption key must not reach a log
		return "SigningKeyProperties[encryptionKey=" + ((this.encryptionKey != null) ? "(set)" : "(unset)")
				+ ", algorithm=" + this.algorithm + ", rsaKeySize=" + this.rsaKeySize + ", refreshInterval="
				+ this.refreshInterval + ", checkInterval=" + this.checkInterval + ", rotationPeriod="
				+ this.rotationPeriod + ", publicationLead=" + this.publicationLead + ", retention=" + this.retention
				+ ", jwksMaxAge=" + this.jwksMaxAge + "]";
	}

}
