package dev.writ.server.jwk;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;

/**
 * Converts between Ed25519 OKP JWKs, which carry raw 32-byte keys (RFC 8037 §2), and the
 * JDK's Ed25519 keys, so that Writ signs and verifies EdDSA with the JDK alone: nimbus's
 * own Ed25519 classes need Google Tink.
 */
final class Ed25519Keys {

	static final String JCA_NAME = "Ed25519";

	// SubjectPublicKeyInfo of an Ed25519 key (RFC 8410 §4) up to the raw key: SEQUENCE {
	// SEQUENCE { OID 1.3.101.112 },
	// BIT STRING (33 bytes, no unused bits) }
	private static final byte[] X509_PREFIX = { 0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21,
			0x00 };

	private static final int KEY_LENGTH = 32;

	private Ed25519Keys() {
	}

	/** A new key pair as an OKP JWK with {@code x} and {@code d} and nothing else. */
	static OctetKeyPair generate(SecureRandom random) throws JOSEException {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance(JCA_NAME);
			generator.initialize(NamedParameterSpec.ED25519, random);
			KeyPair pair = generator.generateKeyPair();
			byte[] encoded = pair.getPublic().getEncoded();
			if (encoded.length != X509_PREFIX.length + KEY_LENGTH) {
				throw new JOSEException("Unexpected Ed25519 public key encoding of " + encoded.length + " bytes");
			}
			byte[] x = Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length);
			byte[] d = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
			return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x)).d(Base64URL.encode(d)).build();
		}
		catch (GeneralSecurityException ex) {
			throw new JOSEException("Could not generate an Ed25519 key pair", ex);
		}
	}

	static PrivateKey privateKey(OctetKeyPair jwk) throws JOSEException {
		requireEd25519(jwk);
		if (!jwk.isPrivate()) {
			throw new JOSEException("The Ed25519 JWK " + jwk.getKeyID() + " has no private part");
		}
		try {
			return KeyFactory.getInstance(JCA_NAME)
				.generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, jwk.getDecodedD()));
		}
		catch (GeneralSecurityException ex) {
			throw new JOSEException("Invalid Ed25519 private key " + jwk.getKeyID(), ex);
		}
	}

	static PublicKey publicKey(OctetKeyPair jwk) throws JOSEException {
		requireEd25519(jwk);
		byte[] x = jwk.getDecodedX();
		if (x.length != KEY_LENGTH) {
			throw new JOSEException("An Ed25519 public key has " + KEY_LENGTH + " bytes, not " + x.length);
		}
		byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + KEY_LENGTH);
		System.arraycopy(x, 0, encoded, X509_PREFIX.length, KEY_LENGTH);
		try {
			return KeyFactory.getInstance(JCA_NAME).generatePublic(new X509EncodedKeySpec(encoded));
		}
		catch (GeneralSecurityException ex) {
			throw new JOSEException("Invalid Ed25519 public key " + jwk.getKeyID(), ex);
		}
	}

	private static void requireEd25519(OctetKeyPair jwk) throws JOSEException {
		if (!Curve.Ed25519.equals(jwk.getCurve())) {
			throw new JOSEException("Expected an Ed25519 key, got curve " + jwk.getCurve());
		}
	}

}
