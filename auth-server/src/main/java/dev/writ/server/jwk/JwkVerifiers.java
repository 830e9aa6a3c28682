package dev.writ.server.jwk;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

/**
 * A verifier for a JWS from a public JWK, when the key's type fits the header's
 * algorithm.
 */
public final class JwkVerifiers {

	private JwkVerifiers() {
	}

	/**
	 * The verifier, or {@code null} when {@code key} cannot verify {@code header}'s
	 * algorithm.
	 */
	public static @Nullable JWSVerifier create(JWSHeader header, JWK key) throws JOSEException {
		JWSAlgorithm algorithm = header.getAlgorithm();
		if (key instanceof RSAKey rsa && JWSAlgorithm.Family.RSA.contains(algorithm)) {
			return new RSASSAVerifier(rsa);
		}
		if (key instanceof ECKey ec && JWSAlgorithm.Family.EC.contains(algorithm)) {
			return new ECDSAVerifier(ec);
		}
		if (key instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())
				&& (JWSAlgorithm.EdDSA.equals(algorithm) || JWSAlgorithm.Ed25519.equals(algorithm))) {
			// the JDK's Ed25519: nimbus's Ed25519Verifier needs Google Tink, which Writ
			// does not ship
			return new JdkEd25519Verifier(okp);
		}
		return null;
	}

	/**
	 * Whether {@code key} (of this server's JWKS) signed {@code jwt}: the key's own
	 * {@code alg}, when it names one, must be the header's.
	 */
	public static boolean verifies(SignedJWT jwt, JWK key) {
		if (key.getAlgorithm() != null && !key.getAlgorithm().equals(jwt.getHeader().getAlgorithm())) {
			return false;
		}
		try {
			JWSVerifier verifier = create(jwt.getHeader(), key);
			return verifier != null && jwt.verify(verifier);
		}
		catch (JOSEException ex) {
			return false;
		}
	}

}
