package dev.writ.server.jwk;

import java.security.Key;
import java.security.interfaces.EdECPublicKey;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.proc.JWKSecurityContext;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jwt.SignedJWT;
import dev.writ.server.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What a Spring Security resource server needs to verify Writ's tokens from the published
 * keys: nothing for RS256 and ES256; for EdDSA, a key selector and verifier factory that
 * know Ed25519, because Spring Security's {@link SignatureAlgorithm} has no EdDSA and
 * nimbus neither converts OKP JWKs to JDK keys nor verifies Ed25519 without Google Tink.
 */
class ResourceServerDecodingTests {

	// RFC 9068 §4: access tokens are typed at+jwt
	private static final OAuth2TokenValidator<Jwt> ACCESS_TOKEN = JwtValidators
		.createDefaultWithValidators(new JwtTypeValidator("at+jwt"));

	private final TestDatabase database = TestDatabase.create();

	private final MutableClock clock = MutableClock.startingAt("2030-01-01T00:00:00Z");

	@AfterEach
	void close() {
		this.database.close();
	}

	@ParameterizedTest
	@EnumSource(value = SigningAlgorithm.class, names = { "RS256", "ES256" })
	void decodeWhenRsaOrEcThenSpringSecurityVerifiesOutOfTheBox(SigningAlgorithm algorithm) throws Exception {
		SigningKeys keys = startedKeys(algorithm);
		SignedJWT jwt = SigningAlgorithmTests.sign(keys.current().block());
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
			.withJwkSource((token) -> keys.publishedKeys().flatMapIterable(JWKSet::getKeys))
			.jwsAlgorithm(SignatureAlgorithm.from(algorithm.jwsAlgorithm().getName()))
			.validateType(false)
			.build();
		decoder.setJwtValidator(ACCESS_TOKEN);
		Jwt decoded = decoder.decode(jwt.serialize()).block();
		assertThat(decoded.getSubject()).isEqualTo("alice");
	}

	@Test
	void decodeWhenEdDsaWithoutEd25519SupportThenRejected() throws Exception {
		SigningKeys keys = startedKeys(SigningAlgorithm.EDDSA);
		SignedJWT jwt = SigningAlgorithmTests.sign(keys.current().block());
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
			.withJwkSource((token) -> keys.publishedKeys().flatMapIterable(JWKSet::getKeys))
			.jwsAlgorithm(() -> "EdDSA")
			.validateType(false)
			.build();
		decoder.setJwtValidator(ACCESS_TOKEN);
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(jwt.serialize()).block());
	}

	@Test
	void decodeWhenEdDsaWithEd25519KeySelectorAndVerifierThenVerified() throws Exception {
		SigningKeys keys = startedKeys(SigningAlgorithm.EDDSA);
		SignedJWT jwt = SigningAlgorithmTests.sign(keys.current().block());
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
			.withJwkSource((token) -> keys.publishedKeys().flatMapIterable(JWKSet::getKeys))
			.validateType(false)
			.jwtProcessorCustomizer((processor) -> {
				processor.setJWSKeySelector(ed25519Keys());
				processor.setJWSVerifierFactory(new Ed25519VerifierFactory());
			})
			.build();
		decoder.setJwtValidator(ACCESS_TOKEN);
		assertThat(decoder.decode(jwt.serialize()).block().getSubject()).isEqualTo("alice");
	}

	private SigningKeys startedKeys(SigningAlgorithm algorithm) {
		SigningKeyNode node = SigningKeyNode.on(this.database, this.clock, "writ.keys.algorithm=" + algorithm);
		node.maintenance.startup().block();
		return node.keys;
	}

	/**
	 * The Ed25519 keys among those the decoder fetched for the token's kid, as JDK keys.
	 */
	private static JWSKeySelector<JWKSecurityContext> ed25519Keys() {
		return (header, context) -> {
			if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
				return List.of();
			}
			List<Key> keys = new ArrayList<>();
			for (JWK jwk : context.getKeys()) {
				if (jwk instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())
						&& header.getKeyID().equals(okp.getKeyID())) {
					try {
						keys.add(Ed25519Keys.publicKey(okp));
					}
					catch (JOSEException ex) {
						throw new KeySourceException("Unusable Ed25519 key " + okp.getKeyID(), ex);
					}
				}
			}
			return keys;
		};
	}

	private static final class Ed25519VerifierFactory extends DefaultJWSVerifierFactory {

		@Override
		public JWSVerifier createJWSVerifier(JWSHeader header, Key key) throws JOSEException {
			if (key instanceof EdECPublicKey ed25519) {
				return new JdkEd25519Verifier(ed25519);
			}
			return super.createJWSVerifier(header, key);
		}

	}

}
