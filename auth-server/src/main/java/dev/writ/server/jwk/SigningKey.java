package dev.writ.server.jwk;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jwk.JWK;

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

}
