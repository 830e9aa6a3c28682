package dev.writ.server.jwk;

import java.time.Instant;
import java.util.Collection;
import java.util.function.Supplier;

import com.nimbusds.jose.JWSAlgorithm;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The {@code signing_keys} table. Rows are immutable once inserted: rotation adds rows
 * and retention deletes them, nothing is updated, so a node reading the table never sees
 * a key half changed.
 */
final class SigningKeyStore {

	// "writkeys" in ASCII: the PostgreSQL advisory lock that serializes key creation
	// across nodes
	private static final long CREATION_LOCK = 0x777269746b657973L;

	private static final String COLUMNS = "kid, alg, public_jwk, private_key_encrypted, kek_fingerprint, created_at, activates_at";

	private static final String SELECTED_COLUMNS = "id, " + COLUMNS;

	private final DatabaseClient client;

	private final TransactionalOperator transactions;

	SigningKeyStore(DatabaseClient client, ReactiveTransactionManager transactionManager) {
		this.client = client;
		this.transactions = TransactionalOperator.create(transactionManager);
	}

	/** Every stored key, in creation order. */
	Flux<StoredSigningKey> findAll() {
		return this.client.sql("SELECT " + SELECTED_COLUMNS + " FROM signing_keys ORDER BY id")
			.map(SigningKeyStore::read)
			.all();
	}

	/**
	 * The distinct fingerprints of the key-encryption keys that sealed the stored keys.
	 */
	Flux<String> kekFingerprints() {
		return this.client.sql("SELECT DISTINCT kek_fingerprint FROM signing_keys")
			.map((row) -> row.get("kek_fingerprint", String.class))
			.all();
	}

	/** Inserts a key; completes with it as stored, its creation order assigned. */
	Mono<StoredSigningKey> insert(StoredSigningKey key) {
		return this.client.sql("INSERT INTO signing_keys (" + COLUMNS
				+ ") VALUES (:kid, :alg, CAST(:publicJwk AS jsonb), :sealed, :kek, :createdAt, :activatesAt) RETURNING id")
			.bind("kid", key.kid())
			.bind("alg", key.algorithm().jwsAlgorithm().getName())
			.bind("publicJwk", key.publicJwk())
			.bind("sealed", key.sealedPrivateKey())
			.bind("kek", key.kekFingerprint())
			.bind("createdAt", key.createdAt())
			.bind("activatesAt", key.activatesAt())
			.map((row) -> key.withId(row.get("id", Long.class)))
			.one();
	}

	/**
	 * Deletes the given keys; returns how many rows went (another node may have deleted
	 * some first).
	 */
	Mono<Long> delete(Collection<String> kids) {
		if (kids.isEmpty()) {
			return Mono.just(0L);
		}
		return this.client.sql("DELETE FROM signing_keys WHERE kid = ANY(:kids)")
			.bind("kids", kids.toArray(String[]::new))
			.fetch()
			.rowsUpdated();
	}

	/**
	 * Runs {@code work} in a transaction that first takes the key-creation advisory lock,
	 * so that nodes deciding at the same moment whether to create a key decide one after
	 * the other, each seeing what the previous one wrote. The lock is released when the
	 * transaction ends.
	 */
	<T> Mono<T> underCreationLock(Supplier<Mono<T>> work) {
		Mono<Void> lock = this.client.sql("SELECT pg_advisory_xact_lock(:lock)").bind("lock", CREATION_LOCK).then();
		return this.transactions.transactional(lock.then(Mono.defer(work)));
	}

	private static StoredSigningKey read(Readable row) {
		return new StoredSigningKey(row.get("id", Long.class), row.get("kid", String.class),
				SigningAlgorithm.of(JWSAlgorithm.parse(row.get("alg", String.class))),
				row.get("public_jwk", String.class), row.get("private_key_encrypted", byte[].class),
				row.get("kek_fingerprint", String.class), row.get("created_at", Instant.class),
				row.get("activates_at", Instant.class));
	}

}
