package dev.writ.server.jwk;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * A key that can sign: its kid and algorithm go into the JWS header (RFC 7515 §4.1.1,
 * §4.1.4), and its public JWK is the one the JWKS publishes under that kid.
 *
 * @param kid the key ID, the RFC 7638 thumbprint of {@code publicKey}
 * @param algorithm the JWS algorithm {@code signer} produces
 * @param signer signs with the private key, which never leaves it
 * @param publicKey the public parts only
 */
public record SigningKey(String kid, JWSAlgorithm algorithm, JWSSigner signer, JWK publicKey) {

	/**
	 * The compact JWS of {@code claims}, with this key's {@code alg} and {@code kid} and
	 * the given {@code typ} in the header.
	 */
	public String sign(JOSEObjectType type, JWTClaimsSet claims) {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(this.algorithm).type(type).keyID(this.kid).build(), claims);
		try {
			jwt.sign(this.signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("signing with key " + this.kid + " failed", ex);
		}
		return jwt.serialize();
	}

}
