package dev.writ.server.token;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * {@link ClientAccessTokens} in Redis: one sorted set per client,
 * {@code writ:at:client:{client}}, of {@code jti} scored by expiry in milliseconds,
 * pruned as tokens are added and expiring with the client's last token (see
 * {@link AccessTokenIndexScripts}). A client that asks for a token every second holds as
 * many entries as it has live tokens: with the default five-minute lifetime, 300.
 */
@Component
final class RedisClientAccessTokens implements ClientAccessTokens {

	static final String KEY_PREFIX = "writ:at:client:";

	private final ReactiveStringRedisTemplate redis;

	private final Clock clock;

	RedisClientAccessTokens(ReactiveStringRedisTemplate redis, Clock clock) {
		this.redis = redis;
		this.clock = clock;
	}

	@Override
	public Mono<Void> add(String clientId, String tokenId, Instant expiresAt) {
		return Mono.defer(
				() -> this.redis
					.execute(AccessTokenIndexScripts.ADD, List.of(KEY_PREFIX + clientId),
							List.of(tokenId, Long.toString(expiresAt.toEpochMilli()), now()))
					.then());
	}

	@Override
	public Mono<Long> revokeAll(String clientId) {
		return Mono.defer(() -> this.redis
			.execute(AccessTokenIndexScripts.REVOKE, List.of(KEY_PREFIX + clientId), List.of(now(), ""))
			.next());
	}

	private String now() {
		return Long.toString(this.clock.instant().toEpochMilli());
	}

}
