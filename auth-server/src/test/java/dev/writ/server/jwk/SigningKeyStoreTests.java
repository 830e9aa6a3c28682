package dev.writ.server.jwk;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import dev.writ.server.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** {@link SigningKeyStore} and {@link KeyMaterial} against a real PostgreSQL. */
class SigningKeyStoreTests {

	private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

	private final TestDatabase database = TestDatabase.create();

	private final SigningKeyNode node = SigningKeyNode.on(this.database,
			MutableClock.startingAt("2030-01-01T00:00:00Z"));

	@AfterEach
	void close() {
		this.database.close();
	}

	@ParameterizedTest
	@EnumSource(SigningAlgorithm.class)
	void insertWhenKeyStoredThenDatabaseHoldsNoPrivatePart(SigningAlgorithm algorithm) throws Exception {
		StoredSigningKey key = this.node.material.generate(algorithm, 2048, NOW, NOW);
		this.node.store.insert(key).block();
		Row row = this.database.client()
			.sql("SELECT public_jwk::text AS public_jwk, private_key_encrypted FROM signing_keys")
			.map((r) -> new Row(r.get("public_jwk", String.class), r.get("private_key_encrypted", byte[].class)))
			.one()
			.block();
		JWK privateKey = JWK
			.parse(new String(this.node.encryption.open(key.kid(), key.sealedPrivateKey()), StandardCharsets.UTF_8));
		assertThat(privateKey.isPrivate()).isTrue();
		assertThat(JWK.parse(row.publicJwk()).isPrivate()).isFalse();
		String sealed = new String(row.sealed(), StandardCharsets.ISO_8859_1);
		assertThat(sealed).doesNotContain("\"d\"").doesNotContain(key.kid());
		for (String parameter : List.of("d", "p", "q", "dp", "dq", "qi")) {
			Object value = privateKey.toJSONObject().get(parameter);
			if (value != null) {
				assertThat(sealed).doesNotContain((String) value)
					.doesNotContain(new String(Base64URL.from((String) value).decode(), StandardCharsets.ISO_8859_1));
			}
		}
	}

	@Test
	void findAllWhenKeysStoredThenRoundTripsInCreationOrder() {
		StoredSigningKey first = this.node.material.generate(SigningAlgorithm.ES256, 2048, NOW, NOW.plusSeconds(60));
		StoredSigningKey second = this.node.material.generate(SigningAlgorithm.EDDSA, 2048, NOW, NOW);
		StoredSigningKey inserted = this.node.store.insert(first).block();
		this.node.store.insert(second).block();
		List<StoredSigningKey> keys = this.node.store.findAll().collectList().block();
		assertThat(keys).extracting(StoredSigningKey::kid).containsExactly(first.kid(), second.kid());
		StoredSigningKey read = keys.get(0);
		assertThat(read.id()).isEqualTo(inserted.id()).isPositive().isLessThan(keys.get(1).id());
		assertThat(read.algorithm()).isEqualTo(SigningAlgorithm.ES256);
		assertThat(read.sealedPrivateKey()).isEqualTo(first.sealedPrivateKey());
		assertThat(read.kekFingerprint()).isEqualTo(this.node.material.fingerprint());
		assertThat(read.createdAt()).isEqualTo(NOW);
		assertThat(read.activatesAt()).isEqualTo(first.activatesAt());
		assertThat(this.node.material.open(read).kid()).isEqualTo(first.kid());
	}

	@Test
	void openWhenPublicJwkReplacedInDatabaseThenRefused() {
		StoredSigningKey key = this.node.material.generate(SigningAlgorithm.ES256, 2048, NOW, NOW);
		StoredSigningKey other = this.node.material.generate(SigningAlgorithm.ES256, 2048, NOW, NOW);
		this.node.store.insert(key).block();
		this.database.client()
			.sql("UPDATE signing_keys SET public_jwk = CAST(:jwk AS jsonb)")
			.bind("jwk", other.publicJwk())
			.then()
			.block();
		StoredSigningKey tampered = this.node.store.findAll().blockFirst();
		assertThatIllegalStateException().isThrownBy(() -> this.node.material.open(tampered))
			.withMessageContaining("does not match");
	}

	@Test
	void deleteWhenKidsGivenThenOnlyThoseDeleted() {
		StoredSigningKey kept = this.node.material.generate(SigningAlgorithm.EDDSA, 2048, NOW, NOW);
		StoredSigningKey deleted = this.node.material.generate(SigningAlgorithm.EDDSA, 2048, NOW, NOW);
		this.node.store.insert(kept).then(this.node.store.insert(deleted)).block();
		assertThat(this.node.store.delete(List.of(deleted.kid(), "unknown")).block()).isEqualTo(1);
		assertThat(this.node.store.findAll().map(StoredSigningKey::kid).collectList().block())
			.containsExactly(kept.kid());
	}

	private record Row(String publicJwk, byte[] sealed) {

	}

}
