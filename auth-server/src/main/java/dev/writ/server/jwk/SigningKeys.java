package dev.writ.server.jwk;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The keys Writ signs with and publishes, for every package that issues or checks tokens.
 *
 * <p>
 * Reads come from memory: the keys are loaded from PostgreSQL at start-up, every
 * {@code writ.keys.refresh-interval} (so that nodes sharing the database converge on keys
 * another node created) and after each local rotation. Which key signs is decided at each
 * call from the loaded activation times, so an upcoming key starts to sign on time even
 * between two loads. When a load fails the last good keys stay in service.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7517#section-5">RFC 7517 §5 (JWK
 * Set)</a>
 */
public final class SigningKeys {

	private static final Logger logger = LoggerFactory.getLogger(SigningKeys.class);

	private final SigningKeyStore store;

	private final KeyRotation rotation;

	private final KeyMaterial material;

	private final SigningKeyProperties properties;

	private final Clock clock;

	private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(Snapshot.NONE);

	private final AtomicLong loads = new AtomicLong();

	SigningKeys(SigningKeyStore store, KeyRotation rotation, KeyMaterial material, SigningKeyProperties properties,
			Clock clock) {
		this.store = store;
		this.rotation = rotation;
		this.material = material;
		this.properties = properties;
		this.clock = clock;
	}

	/** The key that signs now. */
	public Mono<SigningKey> current() {
		return Mono.defer(() -> {
			Snapshot loaded = this.snapshot.get();
			return timeline(loaded).active()
				.map((entry) -> Mono.just(loaded.opened().get(entry.key().kid())))
				.orElseGet(() -> Mono.error(new IllegalStateException((loaded == Snapshot.NONE)
						? "Signing keys have not been loaded yet" : "No signing key is active yet")));
		});
	}

	/**
	 * The public JWKs that belong in the JWKS now: the active key, upcoming keys, and
	 * retired keys within retention.
	 */
	public Mono<JWKSet> publishedKeys() {
		return Mono.fromSupplier(() -> {
			Snapshot loaded = this.snapshot.get();
			List<JWK> keys = timeline(loaded).published()
				.stream()
				.map((entry) -> loaded.opened().get(entry.key().kid()).publicKey())
				.toList();
			return new JWKSet(keys);
		});
	}

	/** The published public JWK with this kid; empty when no such key is published. */
	public Mono<JWK> publishedKey(String kid) {
		return publishedKeys().mapNotNull((keys) -> keys.getKeyByKeyId(kid));
	}

	/**
	 * Creates a key now. With {@code immediate} it signs at once, for a suspected
	 * compromise: the replaced key stays published for the retention, so that tokens it
	 * signed keep verifying, and an upcoming key, made before the compromise was known,
	 * is retired without ever signing. Otherwise the new key signs after
	 * {@code writ.keys.publication-lead}, and an upcoming key already on its way is
	 * returned instead of a new one.
	 */
	public Mono<SigningKey> rotate(boolean immediate) {
		return this.rotation.rotate(immediate)
			.flatMap(
					(created) -> load().then(Mono.fromSupplier(() -> this.snapshot.get().opened().get(created.kid()))));
	}

	/**
	 * Loads the keys from the database; a failure propagates and the previous keys stay
	 * loaded.
	 */
	Mono<Void> load() {
		return Mono.defer(() -> {
			long load = this.loads.incrementAndGet();
			return this.store.findAll()
				.collectList()
				// decryption and key parsing are CPU work: off the database driver's
				// event loop
				.publishOn(Schedulers.boundedElastic())
				.map((keys) -> open(load, keys))
				.doOnNext((loaded) -> this.snapshot.accumulateAndGet(loaded,
						(previous, next) -> (previous.load() > next.load()) ? previous : next))
				.then();
		});
	}

	/**
	 * Loads the keys from the database; on failure logs and keeps serving the keys loaded
	 * last.
	 */
	Mono<Void> refresh() {
		return load().onErrorResume((ex) -> {
			Snapshot last = this.snapshot.get();
			logger.error("Could not reload the signing keys; still serving the {} keys loaded at {}",
					last.keys().size(), last.loadedAt(), ex);
			return Mono.empty();
		});
	}

	/** The loaded keys and their states now. */
	KeyTimeline timeline() {
		return timeline(this.snapshot.get());
	}

	private KeyTimeline timeline(Snapshot loaded) {
		return KeyTimeline.of(loaded.keys(), this.clock.instant(), this.properties.retention());
	}

	private Snapshot open(long load, List<StoredSigningKey> keys) {
		Map<String, SigningKey> previous = this.snapshot.get().opened();
		Map<String, SigningKey> opened = new HashMap<>();
		for (StoredSigningKey key : keys) {
			// rows never change, so a key opened by an earlier load is still right
			SigningKey signingKey = previous.get(key.kid());
			opened.put(key.kid(), (signingKey != null) ? signingKey : this.material.open(key));
		}
		return new Snapshot(load, List.copyOf(keys), Map.copyOf(opened), this.clock.instant());
	}

	/**
	 * What one load found; {@code load} orders concurrent loads so that an older one
	 * never replaces a newer one.
	 */
	private record Snapshot(long load, List<StoredSigningKey> keys, Map<String, SigningKey> opened, Instant loadedAt) {

		static final Snapshot NONE = new Snapshot(0, List.of(), Map.of(), Instant.EPOCH);

	}

}
