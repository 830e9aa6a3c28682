package dev.writ.server.jwk;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The state of every stored key at one instant, derived from activation times alone; the one place that says which
 * key signs, which are published and which may go. Keys are ordered by activation (then creation, then kid): the last
 * one activated is active, later ones are upcoming, earlier ones retired when their successor activated.
 */
final class KeyTimeline {

	static final Comparator<StoredSigningKey> ACTIVATION_ORDER = Comparator.comparing(StoredSigningKey::activatesAt)
		.thenComparing(StoredSigningKey::createdAt)
		.thenComparing(StoredSigningKey::kid);

	private final List<Entry> entries;

	private KeyTimeline(List<Entry> entries) {
		this.entries = entries;
	}

	static KeyTimeline of(Collection<StoredSigningKey> keys, Instant now, Duration retention) {
		List<StoredSigningKey> ordered = keys.stream().sorted(ACTIVATION_ORDER).toList();
		int active = -1;
		for (int i = 0; i < ordered.size(); i++) {
			if (!ordered.get(i).activatesAt().isAfter(now)) {
				active = i;
			}
		}
		List<Entry> entries = new ArrayList<>(ordered.size());
		for (int i = 0; i < ordered.size(); i++) {
			StoredSigningKey key = ordered.get(i);
			if (i > active) {
				entries.add(new Entry(key, State.UPCOMING, null, null));
			}
			else if (i == active) {
				entries.add(new Entry(key, State.ACTIVE, null, null));
			}
			else {
				Instant retiredAt = ordered.get(i + 1).activatesAt();
				Instant publishedUntil = retiredAt.plus(retention);
				State state = publishedUntil.isAfter(now) ? State.RETIRED : State.EXPIRED;
				entries.add(new Entry(key, state, retiredAt, publishedUntil));
			}
		}
		return new KeyTimeline(List.copyOf(entries));
	}

	/** Every key, in activation order. */
	List<Entry> entries() {
		return this.entries;
	}

	/** The key that signs now; empty only before the first key activates. */
	Optional<Entry> active() {
		return this.entries.stream().filter((entry) -> entry.state() == State.ACTIVE).findFirst();
	}

	List<Entry> upcoming() {
		return inState(State.UPCOMING);
	}

	/** The keys of the JWKS: the active one first, then upcoming ones, then retired ones, newest first. */
	List<Entry> published() {
		List<Entry> published = new ArrayList<>(this.entries.size());
		active().ifPresent(published::add);
		published.addAll(upcoming());
		List<Entry> retired = new ArrayList<>(inState(State.RETIRED));
		Collections.reverse(retired);
		published.addAll(retired);
		return published;
	}

	/** Retired keys past their retention, which no longer belong in the JWKS or the table. */
	List<Entry> expired() {
		return inState(State.EXPIRED);
	}

	private List<Entry> inState(State state) {
		return this.entries.stream().filter((entry) -> entry.state() == state).toList();
	}

	enum State {

		/** Published, not yet signing. */
		UPCOMING,

		/** Signing. */
		ACTIVE,

		/** Superseded, published until its retention ends. */
		RETIRED,

		/** Superseded and past its retention: due for deletion. */
		EXPIRED

	}

	/**
	 * A key and its state.
	 *
	 * @param key the stored key
	 * @param state its state at the timeline's instant
	 * @param retiredAt when its successor activated; {@code null} unless retired or expired
	 * @param publishedUntil when it leaves the JWKS; {@code null} unless retired or expired
	 */
	record Entry(StoredSigningKey key, State state, @Nullable Instant retiredAt, @Nullable Instant publishedUntil) {

	}

}
