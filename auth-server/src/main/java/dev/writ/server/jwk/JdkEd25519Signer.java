package dev.writ.server.jwk;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.impl.AlgorithmSupportMessage;
import com.nimbusds.jose.crypto.impl.EdDSAProvider;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;

/**
 * Signs JWS objects with EdDSA on Ed25519 (RFC 8037 §3.1) through the JDK's
 * {@code Signature("Ed25519")}, in place of nimbus's {@code Ed25519Signer}, which needs
 * Google Tink. The JWS signature is the raw 64-byte Ed25519 signature, exactly what the
 * JDK produces.
 */
public final class JdkEd25519Signer extends EdDSAProvider implements JWSSigner {

	private final PrivateKey privateKey;

	public JdkEd25519Signer(OctetKeyPair privateKey) throws JOSEException {
		this.privateKey = Ed25519Keys.privateKey(privateKey);
	}

	@Override
	public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
		if (!supportedJWSAlgorithms().contains(header.getAlgorithm())) {
			throw new JOSEException(
					AlgorithmSupportMessage.unsupportedJWSAlgorithm(header.getAlgorithm(), supportedJWSAlgorithms()));
		}
		try {
			Signature signature = (getJCAContext().getProvider() != null)
					? Signature.getInstance(Ed25519Keys.JCA_NAME, getJCAContext().getProvider())
					: Signature.getInstance(Ed25519Keys.JCA_NAME);
			signature.initSign(this.privateKey);
			signature.update(signingInput);
			return Base64URL.encode(signature.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new JOSEException("Ed25519 signing failed: " + ex.getMessage(), ex);
		}
	}

}
