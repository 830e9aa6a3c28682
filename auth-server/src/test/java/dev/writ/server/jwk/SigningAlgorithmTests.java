package dev.writ.server.jwk;

import java.security.interfaces.RSAPublicKey;
import java.util.Date;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.writ.server.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each algorithm end to end: generated, sealed, stored, loaded, signing, and verifiable
 * with the published JWK.
 */
class SigningAlgorithmTests {

	private final TestDatabase database = TestDatabase.create();

	private final MutableClock clock = MutableClock.startingAt("2030-01-01T00:00:00Z");

	@AfterEach
	void close() {
		this.database.close();
	}

	@ParameterizedTest
	@EnumSource(SigningAlgorithm.class)
	void currentWhenAlgorithmConfiguredThenSignsJwtThatPublishedKeyVerifies(SigningAlgorithm algorithm)
			throws Exception {
		SigningKeyNode node = SigningKeyNode.on(this.database, this.clock, "writ.keys.algorithm=" + algorithm);
		node.maintenance.startup().block();
		SigningKey key = node.keys.current().block();
		SignedJWT jwt = sign(key);
		SignedJWT received = SignedJWT.parse(jwt.serialize());
		JWK published = node.keys.publishedKey(received.getHeader().getKeyID()).block();
		assertThat(received.getHeader().getAlgorithm()).isEqualTo(algorithm.jwsAlgorithm());
		assertThat(published.isPrivate()).isFalse();
		assertThat(published.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
		assertThat(published.getAlgorithm()).isEqualTo(algorithm.jwsAlgorithm());
		assertThat(published.getKeyID()).isEqualTo(key.kid()).isEqualTo(published.computeThumbprint().toString());
		assertThat(received.verify(verifier(published))).isTrue();
	}

	@Test
	void currentWhenRsaKeySizeConfiguredThenKeyHasIt() {
		SigningKeyNode node = SigningKeyNode.on(this.database, this.clock, "writ.keys.rsa-key-size=3072");
		node.maintenance.startup().block();
		RSAKey key = node.keys.current().block().publicKey().toRSAKey();
		assertThat(key.size()).isEqualTo(3072);
	}

	@ParameterizedTest
	@EnumSource(SigningAlgorithm.class)
	void signerWhenUsedOnNonBlockingThreadThenDoesNotBlock(SigningAlgorithm algorithm) throws Exception {
		SigningKeyNode node = SigningKeyNode.on(this.database, this.clock, "writ.keys.algorithm=" + algorithm);
		node.maintenance.startup().block();
		// BlockHound (installed for every test) fails the signing if it blocks on a
		// parallel-scheduler thread
		SignedJWT jwt = node.keys.current().publishOn(Schedulers.parallel()).flatMap((key) -> Mono.fromCallable(() -> {
			assertThat(Schedulers.isInNonBlockingThread()).isTrue();
			sign(key);
			return sign(key);
		})).block();
		assertThat(jwt.verify(verifier(node.keys.current().block().publicKey()))).isTrue();
	}

	static SignedJWT sign(SigningKey key) throws Exception {
		JWSHeader header = new JWSHeader.Builder(key.algorithm()).keyID(key.kid())
			.type(new JOSEObjectType("at+jwt"))
			.build();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("https://writ.test")
			.subject("alice")
			.audience("https://api.test")
			.expirationTime(new Date(System.currentTimeMillis() + 60_000))
			.build();
		SignedJWT jwt = new SignedJWT(header, claims);
		jwt.sign(key.signer());
		return jwt;
	}

	static JWSVerifier verifier(JWK key) throws Exception {
		if (key instanceof RSAKey rsa) {
			return new RSASSAVerifier((RSAPublicKey) rsa.toPublicKey());
		}
		if (key instanceof ECKey ec) {
			return new ECDSAVerifier(ec);
		}
		return new JdkEd25519Verifier((OctetKeyPair) key);
	}

}
