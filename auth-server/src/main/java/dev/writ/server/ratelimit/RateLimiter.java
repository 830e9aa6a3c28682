package dev.writ.server.ratelimit;

import java.time.Duration;
import java.util.List;

import dev.writ.server.protocol.OAuth2Exception;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Fixed-window counters in Redis. A request over the limit fails with 429 and
 * {@code Retry-After} set to the rest of the window. Redis is required: without it the
 * limit cannot be enforced, and the caller gets 503 rather than an unlimited endpoint.
 */
@Component
public final class RateLimiter {

	private static final String KEY_PREFIX = "writ:rate:";

	/**
	 * Counts and starts the window on the first hit; returns the count and the window's
	 * remaining milliseconds.
	 */
	private static final RedisScript<List> HIT = RedisScript.of("""
			local count = redis.call('INCR', KEYS[1])
			if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
			return {count, redis.call('PTTL', KEYS[1])}""", List.class);

	private final ReactiveStringRedisTemplate redis;

	private final RateLimitProperties properties;

	RateLimiter(ReactiveStringRedisTemplate redis, RateLimitProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	/** Counts one token request by {@code clientId}. */
	public Mono<Void> tokenRequest(String clientId) {
		return hit("token:" + clientId, this.properties.tokenRequestsPerClient());
	}

	private Mono<Void> hit(String name, int limit) {
		return this.redis
			.execute(HIT, List.of(KEY_PREFIX + name), List.of(Long.toString(this.properties.window().toMillis())))
			.next()
			.flatMap((result) -> {
				long count = ((Number) result.get(0)).longValue();
				if (count <= limit) {
					return Mono.empty();
				}
				long remainingMillis = Math.max(((Number) result.get(1)).longValue(), 1000);
				return Mono.error(OAuth2Exception.tooManyRequests(Duration.ofMillis(remainingMillis)));
			});
	}

}
