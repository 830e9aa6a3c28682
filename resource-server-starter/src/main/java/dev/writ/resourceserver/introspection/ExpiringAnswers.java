package dev.writ.resourceserver.introspection;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Introspection answers kept until a deadline, so that a token used again soon costs no
 * call. Bounded: past {@link #MAX_CACHED} answers, expired ones are dropped; past it
 * still, the cache starts over.
 *
 * @param <V> the answer
 */
public final class ExpiringAnswers<V> {

	public static final int MAX_CACHED = 10_000;

	private final Map<String, Answer<V>> answers = new ConcurrentHashMap<>();

	/** The answer for {@code key}, if it is still good at {@code now}. */
	public @Nullable V get(String key, Instant now) {
		Answer<V> answer = this.answers.get(key);
		return (answer != null && now.isBefore(answer.until())) ? answer.value() : null;
	}

	public void put(String key, V value, Instant until, Instant now) {
		if (this.answers.size() >= MAX_CACHED) {
			this.answers.values().removeIf((answer) -> !now.isBefore(answer.until()));
			if (this.answers.size() >= MAX_CACHED) {
				this.answers.clear();
			}
		}
		this.answers.put(key, new Answer<>(value, until));
	}

	public int size() {
		return this.answers.size();
	}

	private record Answer<V>(V value, Instant until) {

	}

}
