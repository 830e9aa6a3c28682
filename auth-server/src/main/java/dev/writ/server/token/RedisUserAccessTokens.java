package dev.writ.server.token;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * {@link UserAccessTokens} in Redis: one sorted set per user,
 * {@code writ:at:user:{user}}, of {@code <organization>|<jti>} scored by expiry in
 * milliseconds ({@code -} for no organization). Adding prunes what has expired and lets
 * the set expire with its last token, so it never outgrows the user's live tokens (see
 * {@link AccessTokenIndexScripts}).
 */
@Component
final class RedisUserAccessTokens implements UserAccessTokens {

	static final String KEY_PREFIX = "writ:at:user:";

	private static final String NO_ORGANIZATION = "-";

	private final ReactiveStringRedisTemplate redis;

	private final Clock clock;

	RedisUserAccessTokens(ReactiveStringRedisTemplate redis, Clock clock) {
		this.redis = redis;
		this.clock = clock;
	}

	@Override
	public Mono<Void> add(String userId, @Nullable String organizationId, String tokenId, Instant expiresAt) {
		String member = ((organizationId != null) ? organizationId : NO_ORGANIZATION) + "|" + tokenId;
		return this.redis
			.execute(AccessTokenIndexScripts.ADD, List.of(KEY_PREFIX + userId), List.of(member,
					Long.toString(expiresAt.toEpochMilli()), Long.toString(this.clock.instant().toEpochMilli())))
			.then();
	}

	@Override
	public Mono<Long> revokeInOrganization(String userId, String organizationId) {
		return revoke(userId, organizationId + "|");
	}

	@Override
	public Mono<Long> revokeAll(String userId) {
		return revoke(userId, "");
	}

	private Mono<Long> revoke(String userId, String prefix) {
		return Mono.defer(
				() -> this.redis
					.execute(AccessTokenIndexScripts.REVOKE, List.of(KEY_PREFIX + userId),
							List.of(Long.toString(this.clock.instant().toEpochMilli()), prefix))
					.next());
	}

}
