package dev.writ.resourceserver.revocation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The source that keeps a {@link RevocationList} current, as far as its freshness is
 * concerned.
 */
public interface RevocationFeed {

	/**
	 * When the list was last known to hold every revocation, or {@code null} before the
	 * first full load.
	 */
	@Nullable Instant confirmedAt();

	/** Completes once the first full load has completed (at once if it has). */
	Mono<Void> firstLoad();

}
