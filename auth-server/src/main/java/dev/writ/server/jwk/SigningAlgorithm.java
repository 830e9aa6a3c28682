package dev.writ.server.jwk;

import java.security.SecureRandom;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The JWS algorithms Writ signs tokens with, each knowing how to generate a key pair and
 * how to sign with one. Every generated JWK carries {@code use: sig}, its {@code alg},
 * and its RFC 7638 thumbprint as {@code kid}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7518#section-3.1">RFC 7518 §3.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8037#section-3.1">RFC 8037 §3.1
 * (EdDSA)</a>
 */
public enum SigningAlgorithm {

	/**
	 * RSASSA-PKCS1-v1_5 with SHA-256: what every client library verifies; the default.
	 */
	RS256(JWSAlgorithm.RS256) {

		@Override
		JWK generate(int rsaKeySize, SecureRandom random) throws JOSEException {
			return new RSAKeyGenerator(rsaKeySize).keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.keyIDFromThumbprint(true)
				.secureRandom(random)
				.generate();
		}

		@Override
		JWSSigner signer(JWK privateKey, SecureRandom random) throws JOSEException {
			RSASSASigner signer = new RSASSASigner(privateKey.toRSAKey());
			signer.getJCAContext().setSecureRandom(random);
			return signer;
		}

	},

	/** ECDSA on P-256 with SHA-256: small keys and signatures. */
	ES256(JWSAlgorithm.ES256) {

		@Override
		JWK generate(int rsaKeySize, SecureRandom random) throws JOSEException {
			return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.ES256)
				.keyIDFromThumbprint(true)
				.secureRandom(random)
				.generate();
		}

		@Override
		JWSSigner signer(JWK privateKey, SecureRandom random) throws JOSEException {
			ECDSASigner signer = new ECDSASigner(privateKey.toECKey());
			// every ECDSA signature draws a nonce: from a generator that never reads a
			// device on an event loop
			signer.getJCAContext().setSecureRandom(random);
			return signer;
		}

	},

	/**
	 * EdDSA on Ed25519. Keys are generated and used through the JDK's own Ed25519 rather
	 * than nimbus's generator and signer, which need Google Tink on the classpath.
	 */
	EDDSA(JWSAlgorithm.EdDSA) {

		@Override
		JWK generate(int rsaKeySize, SecureRandom random) throws JOSEException {
			return new OctetKeyPair.Builder(Ed25519Keys.generate(random)).keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.EdDSA)
				.keyIDFromThumbprint()
				.build();
		}

		@Override
		JWSSigner signer(JWK privateKey, SecureRandom random) throws JOSEException {
			// Ed25519 signatures are deterministic (RFC 8032 §5.1.6): no random source
			// needed
			return new JdkEd25519Signer(privateKey.toOctetKeyPair());
		}

	};

	private final JWSAlgorithm jwsAlgorithm;

	SigningAlgorithm(JWSAlgorithm jwsAlgorithm) {
		this.jwsAlgorithm = jwsAlgorithm;
	}

	public JWSAlgorithm jwsAlgorithm() {
		return this.jwsAlgorithm;
	}

	/**
	 * Generates a private JWK; RSA keys get {@code rsaKeySize} bits, the others ignore
	 * it.
	 */
	abstract JWK generate(int rsaKeySize, SecureRandom random) throws JOSEException;

	/** A signer over {@code privateKey}, which must be a key this algorithm generated. */
	abstract JWSSigner signer(JWK privateKey, SecureRandom random) throws JOSEException;

	/** The algorithm a stored key was created for. */
	static SigningAlgorithm of(JWSAlgorithm jwsAlgorithm) {
		for (SigningAlgorithm candidate : values()) {
			if (candidate.jwsAlgorithm.equals(jwsAlgorithm)) {
				return candidate;
			}
		}
		throw new IllegalArgumentException("Unsupported signing algorithm " + jwsAlgorithm);
	}

}
