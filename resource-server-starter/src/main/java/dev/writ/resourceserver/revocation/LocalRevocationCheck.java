package dev.writ.resourceserver.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Looks the token up in the in-memory {@link RevocationList}: no network call per
 * request. When the {@link RevocationFeed} has not confirmed the list for longer than
 * {@code maxStaleness} (Redis unreachable), the {@link FailurePolicy} decides.
 */
public final class LocalRevocationCheck implements RevocationCheck {

	/**
	 * How long a request made just after start-up waits for the first load instead of
	 * failing at once.
	 */
	static final Duration STARTUP_WAIT = Duration.ofSeconds(2);

	private static final Log logger = LogFactory.getLog(LocalRevocationCheck.class);

	private final RevocationList list;

	private final RevocationFeed feed;

	private final FailurePolicy failurePolicy;

	private final Duration maxStaleness;

	private final Clock clock;

	private final Instant createdAt;

	private final AtomicBoolean warned = new AtomicBoolean();

	public LocalRevocationCheck(RevocationList list, RevocationFeed feed, FailurePolicy failurePolicy,
			Duration maxStaleness, Clock clock) {
		this.list = list;
		this.feed = feed;
		this.failurePolicy = failurePolicy;
		this.maxStaleness = maxStaleness;
		this.clock = clock;
		this.createdAt = clock.instant();
	}

	@Override
	public Mono<Void> check(Jwt token) {
		if (this.list.isRevoked(token.getId())) {
			return RevocationCheck.revoked();
		}
		if (this.feed.confirmedAt() == null && startingUp()) {
			return this.feed.firstLoad().timeout(STARTUP_WAIT, Mono.empty()).then(Mono.defer(() -> decide(token)));
		}
		return decide(token);
	}

	private Mono<Void> decide(Jwt token) {
		if (this.list.isRevoked(token.getId())) {
			return RevocationCheck.revoked();
		}
		Instant confirmedAt = this.feed.confirmedAt();
		Instant now = this.clock.instant();
		if (confirmedAt != null && !now.isAfter(confirmedAt.plus(this.maxStaleness))) {
			this.warned.set(false);
			return Mono.empty();
		}
		if (this.failurePolicy == FailurePolicy.REJECT) {
			warnOnce("rejecting tokens");
			return RevocationCheck.unavailable();
		}
		warnOnce("accepting tokens whose revocation cannot be checked");
		return Mono.empty();
	}

	private boolean startingUp() {
		return !this.clock.instant().isAfter(this.createdAt.plus(this.maxStaleness));
	}

	// Once per outage, not once per request.
	private void warnOnce(String consequence) {
		if (this.warned.compareAndSet(false, true)) {
			logger.warn("The revocation list has not been confirmed by Redis since " + this.feed.confirmedAt()
					+ " (max staleness " + this.maxStaleness + "): " + consequence + " (failure policy "
					+ this.failurePolicy.name().toLowerCase() + ")");
		}
	}

}
