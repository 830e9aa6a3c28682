package dev.writ.server.jwk;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Decides when keys are created and deleted. Every decision to create a key is taken
 * under the key-creation lock on freshly read rows, so nodes sharing a database never
 * create two keys for one need; deletion needs no lock because rows past their retention
 * stay past it.
 */
final class KeyRotation {

	private static final Logger logger = LoggerFactory.getLogger(KeyRotation.class);

	private final SigningKeyStore store;

	private final KeyMaterial material;

	private final SigningKeyProperties properties;

	private final Clock clock;

	KeyRotation(SigningKeyStore store, KeyMaterial material, SigningKeyProperties properties, Clock clock) {
		this.store = store;
		this.material = material;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * On an empty table, creates the first key, active at once; otherwise completes
	 * empty.
	 */
	Mono<StoredSigningKey> createFirstKeyIfNone() {
		return this.store.underCreationLock(() -> this.store.findAll()
			.hasElements()
			.flatMap((exists) -> exists ? Mono.empty() : create(this.clock.instant(), false)));
	}

	/**
	 * The scheduled check: creates an upcoming key once the active key has signed for the
	 * rotation period (or was made for another algorithm than the configured one) and no
	 * successor is on its way. Completes with the created key, or empty when none was
	 * due.
	 */
	Mono<StoredSigningKey> rotateIfDue() {
		return this.store.underCreationLock(() -> this.store.findAll().collectList().flatMap((keys) -> {
			Instant now = this.clock.instant();
			KeyTimeline timeline = KeyTimeline.of(keys, now, this.properties.retention());
			if (!timeline.upcoming().isEmpty()) {
				return Mono.empty();
			}
			Optional<KeyTimeline.Entry> active = timeline.active();
			if (active.isEmpty()) {
				// every key was deleted behind our back: sign again as soon as possible
				return create(now, false);
			}
			return isDue(active.get().key(), now) ? create(now, true) : Mono.empty();
		}));
	}

	/**
	 * Rotation on demand. {@code immediate} creates a key that signs at once, for a
	 * suspected compromise; otherwise the new key waits out the publication lead, and an
	 * upcoming key already on its way is returned instead of adding another.
	 */
	Mono<StoredSigningKey> rotate(boolean immediate) {
		return this.store.underCreationLock(() -> this.store.findAll().collectList().flatMap((keys) -> {
			Instant now = this.clock.instant();
			if (!immediate) {
				List<KeyTimeline.Entry> upcoming = KeyTimeline.of(keys, now, this.properties.retention()).upcoming();
				if (!upcoming.isEmpty()) {
					return Mono.just(upcoming.get(upcoming.size() - 1).key());
				}
			}
			return create(now, !immediate);
		}));
	}

	/**
	 * Deletes retired keys past their retention; completes with how many this node
	 * deleted.
	 */
	Mono<Long> deleteExpired() {
		return this.store.findAll().collectList().flatMap((keys) -> {
			List<String> expired = KeyTimeline.of(keys, this.clock.instant(), this.properties.retention())
				.expired()
				.stream()
				.map((entry) -> entry.key().kid())
				.toList();
			return this.store.delete(expired).doOnNext((deleted) -> {
				if (deleted > 0) {
					logger.info("Deleted signing keys {}: retired longer than {}", expired,
							this.properties.retention());
				}
			});
		});
	}

	private boolean isDue(StoredSigningKey active, Instant now) {
		return !active.activatesAt().plus(this.properties.rotationPeriod()).isAfter(now)
				|| active.algorithm() != this.properties.algorithm();
	}

	private Mono<StoredSigningKey> create(Instant now, boolean afterPublicationLead) {
		Instant activatesAt = afterPublicationLead ? now.plus(this.properties.publicationLead()) : now;
		// key generation is CPU-heavy and draws on the random source: never on an event
		// loop
		return Mono
			.fromCallable(() -> this.material.generate(this.properties.algorithm(), this.properties.rsaKeySize(), now,
					activatesAt))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap(this.store::insert)
			.doOnNext((key) -> logger.info("Created {} signing key {}, signing from {}", key.algorithm().jwsAlgorithm(),
					key.kid(), key.activatesAt()));
	}

}
