package dev.writ.server.jwk;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JwkVerifiersTests {

	@Test
	void createWhenEd25519KeyThenVerifiesWithoutTink() throws Exception {
		OctetKeyPair key = Ed25519Keys.generate(SigningKeyConfiguration.signingKeyRandom());
		JWSObject jws = signed(JWSAlgorithm.EdDSA, new JdkEd25519Signer(key));
		assertThat(jws.verify(JwkVerifiers.create(jws.getHeader(), key.toPublicJWK()))).isTrue();
	}

	@Test
	void createWhenRsaAndEcKeysThenVerify() throws Exception {
		RSAKey rsa = new RSAKeyGenerator(2048).generate();
		JWSObject rs256 = signed(JWSAlgorithm.RS256, new RSASSASigner(rsa));
		assertThat(rs256.verify(JwkVerifiers.create(rs256.getHeader(), rsa.toPublicJWK()))).isTrue();
		ECKey ec = new ECKeyGenerator(Curve.P_256).generate();
		JWSObject es256 = signed(JWSAlgorithm.ES256, new ECDSASigner(ec));
		assertThat(es256.verify(JwkVerifiers.create(es256.getHeader(), ec.toPublicJWK()))).isTrue();
	}

	@Test
	void createWhenKeyTypeDoesNotFitAlgorithmThenNull() throws Exception {
		JWK ec = new ECKeyGenerator(Curve.P_256).generate().toPublicJWK();
		assertThat(JwkVerifiers.create(new JWSHeader(JWSAlgorithm.RS256), ec)).isNull();
		assertThat(JwkVerifiers.create(new JWSHeader(JWSAlgorithm.EdDSA), ec)).isNull();
	}

	private static JWSObject signed(JWSAlgorithm algorithm, JWSSigner signer) throws Exception {
		JWSObject jws = new JWSObject(new JWSHeader(algorithm), new Payload("hello"));
		jws.sign(signer);
		return JWSObject.parse(jws.serialize());
	}

}
