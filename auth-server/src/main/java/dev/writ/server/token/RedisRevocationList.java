package dev.writ.server.token;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * {@link RevocationList} in Redis: one expiring key per token, and a message on the
 * channel, in one atomic script.
 */
@Component
final class RedisRevocationList implements RevocationList {

	/**
	 * Sets the entry to expire with the token and publishes, so no listener hears of an
	 * entry that is not there.
	 */
	private static final RedisScript<Long> REVOKE = RedisScript.of("""
			redis.call('SET', KEYS[1], ARGV[1], 'PXAT', ARGV[2])
			return redis.call('PUBLISH', ARGV[3], ARGV[4])""", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final Clock clock;

	RedisRevocationList(ReactiveStringRedisTemplate redis, Clock clock) {
		this.redis = redis;
		this.clock = clock;
	}

	@Override
	public Mono<Void> revoke(String tokenId, Instant expiresAt) {
		if (!expiresAt.isAfter(this.clock.instant())) {
			// An expired token is refused anyway; an entry for it would expire on
			// arrival.
			return Mono.empty();
		}
		long exp = expiresAt.getEpochSecond();
		String message = "{\"jti\":\"" + tokenId + "\",\"exp\":" + exp + "}";
		return this.redis
			.execute(REVOKE, List.of(KEY_PREFIX + tokenId),
					List.of(Long.toString(exp), Long.toString(expiresAt.toEpochMilli()), CHANNEL, message))
			.then();
	}

	@Override
	public Mono<Boolean> isRevoked(String tokenId) {
		return this.redis.hasKey(KEY_PREFIX + tokenId);
	}

}
