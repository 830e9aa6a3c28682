package dev.writ.server.jwk;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.NamedParameterSpec;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.impl.EdDSAProvider;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;

/**
 * Verifies EdDSA (Ed25519) JWS signatures through the JDK, for the places that check
 * Writ's own tokens without Google Tink, which nimbus's {@code Ed25519Verifier} needs.
 */
public final class JdkEd25519Verifier extends EdDSAProvider implements JWSVerifier {

	private final PublicKey publicKey;

	public JdkEd25519Verifier(OctetKeyPair publicKey) throws JOSEException {
		this.publicKey = Ed25519Keys.publicKey(publicKey);
	}

	/**
	 * A verifier for a JDK key, for a {@code JWSVerifierFactory} handed keys by a
	 * {@code JWSKeySelector}.
	 */
	public JdkEd25519Verifier(EdECPublicKey publicKey) throws JOSEException {
		if (!NamedParameterSpec.ED25519.getName().equalsIgnoreCase(publicKey.getParams().getName())) {
			throw new JOSEException("Expected an Ed25519 key, got " + publicKey.getParams().getName());
		}
		this.publicKey = publicKey;
	}

	@Override
	public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
		if (!supportedJWSAlgorithms().contains(header.getAlgorithm())) {
			return false;
		}
		try {
			Signature verifier = (getJCAContext().getProvider() != null)
					? Signature.getInstance(Ed25519Keys.JCA_NAME, getJCAContext().getProvider())
					: Signature.getInstance(Ed25519Keys.JCA_NAME);
			verifier.initVerify(this.publicKey);
			verifier.update(signingInput);
			return verifier.verify(signature.decode());
		}
		catch (SignatureException ex) {
			// a malformed signature is a failed verification, not an error
			return false;
		}
		catch (GeneralSecurityException ex) {
			throw new JOSEException("Ed25519 verification failed: " + ex.getMessage(), ex);
		}
	}

}
