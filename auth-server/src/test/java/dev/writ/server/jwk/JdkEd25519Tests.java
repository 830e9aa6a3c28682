package dev.writ.server.jwk;

import java.nio.charset.StandardCharsets;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JdkEd25519Signer} and {@link JdkEd25519Verifier} against the worked example of
 * RFC 8037 Appendix A.
 */
class JdkEd25519Tests {

	// RFC 8037 A.1
	private static final String PRIVATE_KEY = """
			{"kty":"OKP","crv":"Ed25519",
			 "d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A",
			 "x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}""";

	// RFC 8037 A.4
	private static final String SIGNING_INPUT = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc";

	private static final String SIGNATURE = "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";

	@Test
	void signWhenRfc8037KeyThenRfc8037Signature() throws Exception {
		JdkEd25519Signer signer = new JdkEd25519Signer(OctetKeyPair.parse(PRIVATE_KEY));
		Base64URL signature = signer.sign(new JWSHeader(JWSAlgorithm.EdDSA),
				SIGNING_INPUT.getBytes(StandardCharsets.US_ASCII));
		assertThat(signature.toString()).isEqualTo(SIGNATURE);
	}

	@Test
	void verifyWhenRfc8037SignatureThenTrue() throws Exception {
		JdkEd25519Verifier verifier = new JdkEd25519Verifier(OctetKeyPair.parse(PRIVATE_KEY).toPublicJWK());
		assertThat(verifier.verify(new JWSHeader(JWSAlgorithm.EdDSA), SIGNING_INPUT.getBytes(StandardCharsets.US_ASCII),
				new Base64URL(SIGNATURE)))
			.isTrue();
	}

	@Test
	void verifyWhenPayloadAlteredThenFalse() throws Exception {
		JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.EdDSA), new Payload("hello"));
		jws.sign(new JdkEd25519Signer(OctetKeyPair.parse(PRIVATE_KEY)));
		JWSObject altered = new JWSObject(jws.getHeader().toBase64URL(), new Payload("hellO"), jws.getSignature());
		JdkEd25519Verifier verifier = new JdkEd25519Verifier(OctetKeyPair.parse(PRIVATE_KEY).toPublicJWK());
		assertThat(jws.verify(verifier)).isTrue();
		assertThat(altered.verify(verifier)).isFalse();
	}

	@Test
	void generateWhenCalledThenJwkWhoseKeysMatch() throws Exception {
		OctetKeyPair key = Ed25519Keys.generate(SigningKeyConfiguration.signingKeyRandom());
		JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.EdDSA), new Payload("hello"));
		jws.sign(new JdkEd25519Signer(key));
		assertThat(jws.verify(new JdkEd25519Verifier(key.toPublicJWK()))).isTrue();
		assertThat(key.getDecodedX()).hasSize(32);
		assertThat(key.getDecodedD()).hasSize(32);
	}

}
