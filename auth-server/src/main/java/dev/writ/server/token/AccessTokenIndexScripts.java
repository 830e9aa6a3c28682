package dev.writ.server.token;

import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Lua scripts behind the indexes of live access tokens
 * ({@link RedisUserAccessTokens}, {@link RedisClientAccessTokens}): a sorted set per user
 * or client whose members end in the token's {@code jti} ({@code <organization>|<jti>}
 * for a user, the bare {@code jti} for a client), scored by the token's expiry in epoch
 * milliseconds.
 */
final class AccessTokenIndexScripts {

	/**
	 * KEYS: the index. ARGV: member, expiry (ms), now (ms). Prunes what has expired and
	 * lets the set expire with its last token, so it never outgrows the live tokens.
	 */
	static final RedisScript<Long> ADD = RedisScript.of("""
			redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[3])
			redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
			local latest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
			redis.call('PEXPIREAT', KEYS[1], latest[2])
			return 1""", Long.class);

	/**
	 * KEYS: the index. ARGV: now (ms), the member prefix to revoke or '' for all. Each
	 * revoked token gets the revocation-list entry and message of
	 * {@link RedisRevocationList}; answers how many were revoked.
	 */
	static final RedisScript<Long> REVOKE = RedisScript.of("""
			local revoked = 0
			local live = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. ARGV[1], '+inf', 'WITHSCORES')
			for i = 1, #live, 2 do
			  local member = live[i]
			  if ARGV[2] == '' or string.sub(member, 1, #ARGV[2]) == ARGV[2] then
			    local bar = string.find(member, '|', 1, true)
			    local jti = bar and string.sub(member, bar + 1) or member
			    local expiry = tonumber(live[i + 1])
			    local exp = string.format('%%d', math.floor(expiry / 1000))
			    redis.call('SET', '%s' .. jti, exp, 'PXAT', string.format('%%d', expiry))
			    redis.call('PUBLISH', '%s', '{"jti":' .. cjson.encode(jti) .. ',"exp":' .. exp .. '}')
			    redis.call('ZREM', KEYS[1], member)
			    revoked = revoked + 1
			  end
			end
			return revoked""".formatted(RevocationList.KEY_PREFIX, RevocationList.CHANNEL), Long.class);

	private AccessTokenIndexScripts() {
	}

}
