package dev.writ.server.client.authentication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Remembers the {@code jti} of each client assertion until it expires, so that none is
 * accepted twice (RFC 7523 §3 item 7). Shared through Redis, so a replay at another
 * auth-server node is refused too.
 */
@Component
final class ClientAssertionReplayCache {

	private static final String KEY_PREFIX = "writ:client-assertion:";

	private final ReactiveStringRedisTemplate redis;

	private final Clock clock;

	ClientAssertionReplayCache(ReactiveStringRedisTemplate redis, Clock clock) {
		this.redis = redis;
		this.clock = clock;
	}

	/**
	 * True the first time a client presents {@code tokenId}; atomic across nodes (SET
	 * NX).
	 */
	Mono<Boolean> firstUse(String clientId, String tokenId, Instant expiresAt) {
		Duration remaining = Duration.between(this.clock.instant(), expiresAt);
		// The assertion may be accepted within the clock skew after exp, so it is
		// remembered at least that long.
		Duration ttl = remaining.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : remaining;
		return this.redis.opsForValue()
			.setIfAbsent(KEY_PREFIX + clientId + ":" + tokenId, "1", ttl)
			.map(Boolean.TRUE::equals);
	}

}
