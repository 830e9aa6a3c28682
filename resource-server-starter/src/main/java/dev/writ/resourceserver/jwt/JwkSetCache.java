package dev.writ.resourceserver.jwt;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.JWK;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The issuer's JWK set, fetched over HTTP and kept for as long as its
 * {@code Cache-Control: max-age} allows.
 *
 * <p>
 * A token whose {@code kid} is not in the cached set makes the cache fetch again (the
 * authorization server may have rotated keys), but at most once per
 * {@link #MIN_REFRESH_INTERVAL}: otherwise every forged token with a made-up {@code kid}
 * would turn into a request to the authorization server. When a refresh fails the
 * previous set keeps serving, since keys outlive an outage of the server that publishes
 * them.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7517#section-5">RFC 7517 §5</a>
 */
public final class JwkSetCache {

	/** How soon after a fetch an unknown {@code kid} may cause another one. */
	static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(10);

	/**
	 * Used when the response says nothing about caching; Writ's server sends max-age=300
	 * itself.
	 */
	static final Duration DEFAULT_TTL = Duration.ofMinutes(5);

	private static final Duration MAX_TTL = Duration.ofHours(1);

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final Pattern MAX_AGE = Pattern.compile("max-age=(\\d+)");

	private static final Log logger = LogFactory.getLog(JwkSetCache.class);

	private final Mono<String> jwkSetUri;

	private final WebClient webClient;

	private final Clock clock;

	private final AtomicReference<@Nullable Snapshot> snapshot = new AtomicReference<>();

	private final AtomicReference<@Nullable Mono<Snapshot>> refreshing = new AtomicReference<>();

	public JwkSetCache(Mono<String> jwkSetUri, WebClient webClient, Clock clock) {
		this.jwkSetUri = jwkSetUri;
		this.webClient = webClient;
		this.clock = clock;
	}

	/**
	 * The keys of the set that match, fetching the set first when the cached one is
	 * missing, stale or lacks them.
	 */
	public Mono<List<JWK>> select(JWKMatcher matcher) {
		JWKSelector selector = new JWKSelector(matcher);
		Snapshot current = this.snapshot.get();
		Instant now = this.clock.instant();
		if (current == null || now.isAfter(current.expiresAt())) {
			return refresh(current).map((fresh) -> selector.select(fresh.keys()));
		}
		List<JWK> keys = selector.select(current.keys());
		if (keys.isEmpty() && now.isAfter(current.fetchedAt().plus(MIN_REFRESH_INTERVAL))) {
			return refresh(current).map((fresh) -> selector.select(fresh.keys()));
		}
		return Mono.just(keys);
	}

	// One fetch at a time: concurrent callers share the one in flight.
	private Mono<Snapshot> refresh(@Nullable Snapshot stale) {
		Mono<Snapshot> inFlight = this.refreshing.get();
		if (inFlight != null) {
			return inFlight;
		}
		Mono<Snapshot> fetch = fetch().doOnNext(this.snapshot::set)
			.onErrorResume((ex) -> fallBack(stale, ex))
			.doFinally((signal) -> this.refreshing.set(null))
			.cache();
		return this.refreshing.compareAndSet(null, fetch) ? fetch : refresh(stale);
	}

	private Mono<Snapshot> fallBack(@Nullable Snapshot stale, Throwable ex) {
		if (stale == null) {
			return Mono.error(new JwtException("the issuer's signing keys are unavailable: " + ex, ex));
		}
		logger.warn("Could not refresh the issuer's JWK set, keeping the one fetched at " + stale.fetchedAt() + ": "
				+ ex.getMessage());
		// Serve the stale set a little longer instead of hammering a server that is down.
		Snapshot extended = new Snapshot(stale.keys(), this.clock.instant(),
				this.clock.instant().plus(MIN_REFRESH_INTERVAL));
		this.snapshot.set(extended);
		return Mono.just(extended);
	}

	private Mono<Snapshot> fetch() {
		return this.jwkSetUri
			.flatMap((uri) -> this.webClient.get().uri(uri).retrieve().toEntity(String.class).timeout(TIMEOUT))
			.map(this::parse);
	}

	private Snapshot parse(ResponseEntity<String> response) {
		try {
			JWKSet keys = JWKSet.parse((response.getBody() != null) ? response.getBody() : "");
			Instant now = this.clock.instant();
			return new Snapshot(keys, now, now.plus(ttl(response.getHeaders())));
		}
		catch (ParseException ex) {
			throw new IllegalStateException("the issuer's JWK set is not valid JSON: " + ex.getMessage(), ex);
		}
	}

	private static Duration ttl(HttpHeaders headers) {
		String cacheControl = headers.getCacheControl();
		if (cacheControl != null) {
			Matcher maxAge = MAX_AGE.matcher(cacheControl);
			if (maxAge.find()) {
				Duration ttl = Duration.ofSeconds(Long.parseLong(maxAge.group(1)));
				if (ttl.compareTo(MIN_REFRESH_INTERVAL) < 0) {
					return MIN_REFRESH_INTERVAL;
				}
				return (ttl.compareTo(MAX_TTL) > 0) ? MAX_TTL : ttl;
			}
		}
		return DEFAULT_TTL;
	}

	private record Snapshot(JWKSet keys, Instant fetchedAt, Instant expiresAt) {

	}

}
