package dev.writ.server.token;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * {@link UserAccessTokens} in Redis: one sorted set per user,
 * {@code writ:at:user:{user}}, of {@code <organization>|<jti>} scored by expiry in
 * milliseconds ({@code -} for no organization). Adding prunes what has expired and lets
 * the set expire with its last token, so it never outgrows the user's live tokens.
 */
@Component
final class RedisUserAccessTokens implements UserAccessTokens {

	static final String KEY_PREFIX = "writ:at:user:";

	private static final String NO_ORGANIZATION = "-";

	private static final RedisScript<Long> ADD = RedisScript.of("""
			redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[3])
			redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
			local latest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
			redis.call('PEXPIREAT', KEYS[1], latest[2])
			return 1""", Long.class);

	/**
	 * ARGV: now (ms), the organization prefix or '' for all. Each revoked token gets the
	 * revocation-list entry and message of {@link RedisRevocationList}.
	 */
	private static final RedisScript<Long> REVOKE = RedisScript.of("""
			local revoked = 0
			local live = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. ARGV[1], '+inf', 'WITHSCORES')
			for i = 1, #live, 2 do
			  local member = live[i]
			  if ARGV[2] == '' or string.sub(member, 1, #ARGV[2]) == ARGV[2] then
			    local jti = string.sub(member, string.find(member, '|', 1, true) + 1)
			    local expiry = tonumber(live[i + 1])
			    local exp = string.format('%%d', math.floor(expiry / 1000))
			    redis.call('SET', '%s' .. jti, exp, 'PXAT', string.format('%%d', expiry))
			    redis.call('PUBLISH', '%s', '{"jti":' .. cjson.encode(jti) .. ',"exp":' .. exp .. '}')
			    redis.call('ZREM', KEYS[1], member)
			    revoked = revoked + 1
			  end
			end
			return revoked""".formatted(RevocationList.KEY_PREFIX, RevocationList.CHANNEL), Long.class);

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
			.execute(ADD, List.of(KEY_PREFIX + userId), List.of(member, Long.toString(expiresAt.toEpochMilli()),
					Long.toString(this.clock.instant().toEpochMilli())))
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
					.execute(REVOKE, List.of(KEY_PREFIX + userId),
							List.of(Long.toString(this.clock.instant().toEpochMilli()), prefix))
					.next());
	}

}
