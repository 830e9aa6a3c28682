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
 * The state of every stored key at one instant, derived from creation order and
 * activation times alone; the one place that says which key signs, which are published
 * and which may go.
 *
 * <p>
 * The newest key whose activation has passed is active. Keys created after it are
 * upcoming. Keys created before it are retired from the moment a newer key first
 * activated, including an upcoming key overtaken by an immediate rotation, which never
 * signs. Ordering by creation rather than by activation time is what lets an immediate
 * rotation take over even when the node that made it has a clock behind the node that
 * made the key it replaces.
 */
final class KeyTimeline {

	static final Comparator<StoredSigningKey> CREATION_ORDER = Comparator.comparingLong(StoredSigningKey::id);

	private final List<Entry> entries;

	private KeyTimeline(List<Entry> entries) {
		this.entries = entries;
	}

	static KeyTimeline of(Collection<StoredSigningKey> keys, Instant now, Duration retention) {
		List<StoredSigningKey> ordered = keys.stream().sorted(CREATION_ORDER).toList();
		int size = ordered.size();
		int active = -1;
		// supersededAt[i]: the earliest activation, up to now, among the keys created
		// after key i
		@Nullable Instant[] supersededAt = new Instant[size];
		@Nullable Instant earliest = null;
		for (int i = size - 1; i >= 0; i--) {
			supersededAt[i] = earliest;
			Instant activatesAt = ordered.get(i).activatesAt();
			if (!activatesAt.isAfter(now)) {
				active = Math.max(active, i);
				earliest = (earliest == null || activatesAt.isBefore(earliest)) ? activatesAt : earliest;
			}
		}
		List<Entry> entries = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			StoredSigningKey key = ordered.get(i);
			if (i > active) {
				entries.add(new Entry(key, State.UPCOMING, null, null));
			}
			else if (i == active) {
				entries.add(new Entry(key, State.ACTIVE, null, null));
			}
			else {
				// a key created after this one has activated (the active one, at least),
				// so supersededAt[i] is set
				Instant publishedUntil = supersededAt[i].plus(retention);
				State state = publishedUntil.isAfter(now) ? State.RETIRED : State.EXPIRED;
				entries.add(new Entry(key, state, supersededAt[i], publishedUntil));
			}
		}
		return new KeyTimeline(List.copyOf(entries));
	}

	/** Every key, in creation order. */
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

	/**
	 * The keys of the JWKS: the active one first, then upcoming ones, then retired ones,
	 * newest first.
	 */
	List<Entry> published() {
		List<Entry> published = new ArrayList<>(this.entries.size());
		active().ifPresent(published::add);
		published.addAll(upcoming());
		List<Entry> retired = new ArrayList<>(inState(State.RETIRED));
		Collections.reverse(retired);
		published.addAll(retired);
		return published;
	}

	/**
	 * Retired keys past their retention, which no longer belong in the JWKS or the table.
	 */
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
	 * @param retiredAt when a newer key first activated; {@code null} unless retired or
	 * expired
	 * @param publishedUntil when it leaves the JWKS; {@code null} unless retired or
	 * expired
	 */
	record Entry(StoredSigningKey key, State state, @Nullable Instant retiredAt, @Nullable Instant publishedUntil) {

	}

}
