package dev.writ.server.token;

import java.util.List;

import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Lua scripts behind {@link RedisRefreshTokenFamilies}. Each runs atomically, so a
 * family is never seen half rotated or half revoked, and a revocation's list entries and
 * messages are written together with the family's death.
 *
 * <p>
 * Keys: {@code writ:rt:token:<sha256>} (the family id, kept until the family's absolute
 * expiry so that a used token is still recognised), {@code writ:rt:family:<id>} (a hash,
 * see {@link RefreshFamilyFields}, expiring with the family),
 * {@code writ:rt:family:<id>:at} (the bound access tokens: a sorted set of {@code jti}
 * scored by expiry), {@code writ:rt:user:<user>} and {@code writ:rt:client:<client>} (the
 * user's and the client's families, scored by the time until which each has something to
 * revoke). The scripts derive some keys from values they read, which a single Redis
 * allows and Redis Cluster would not; Writ runs on one Redis.
 */
final class RefreshFamilyScripts {

	/**
	 * Shared by every script. A family is alive while its hash exists and its current
	 * token has not expired (that expiry is capped by the absolute one). Killing it puts
	 * each unexpired bound access token on the revocation list exactly as
	 * {@link RedisRevocationList} does (entry and message), then deletes the family.
	 */
	private static final String FUNCTIONS = """
			local REVOKED, CHANNEL = '%s', '%s'
			local function family_key(id) return 'writ:rt:family:' .. id end
			local function int(n) return string.format('%%d', n) end
			local function alive(fkey, now)
			  local expiry = redis.call('HGET', fkey, 'current_exp')
			  return expiry and tonumber(expiry) > now
			end
			local function kill(id, now)
			  local fkey = family_key(id)
			  local was_alive = alive(fkey, now) and 1 or 0
			  local user = redis.call('HGET', fkey, 'user')
			  local client = redis.call('HGET', fkey, 'client')
			  local bound = redis.call('ZRANGEBYSCORE', fkey .. ':at', '(' .. int(now), '+inf', 'WITHSCORES')
			  for i = 1, #bound, 2 do
			    local expiry = tonumber(bound[i + 1])
			    local exp = int(math.floor(expiry / 1000))
			    redis.call('SET', REVOKED .. bound[i], exp, 'PXAT', int(expiry))
			    redis.call('PUBLISH', CHANNEL, '{"jti":' .. cjson.encode(bound[i]) .. ',"exp":' .. exp .. '}')
			  end
			  redis.call('DEL', fkey, fkey .. ':at')
			  if user then redis.call('ZREM', 'writ:rt:user:' .. user, id) end
			  if client then redis.call('ZREM', 'writ:rt:client:' .. client, id) end
			  return was_alive
			end
			local function expire_with_latest(key)
			  local latest = redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')
			  if latest[2] then redis.call('PEXPIREAT', key, latest[2]) end
			end
			""".formatted(RevocationList.KEY_PREFIX, RevocationList.CHANNEL);

	/**
	 * KEYS: token, family, user index, client index. ARGV: now, family id, absolute
	 * expiry, then the family's field-value pairs. Prunes the user's and the client's
	 * dead families on the way.
	 */
	static final RedisScript<Long> START = script("""
			redis.call('HSET', KEYS[2], unpack(ARGV, 4))
			redis.call('PEXPIREAT', KEYS[2], ARGV[3])
			redis.call('SET', KEYS[1], ARGV[2], 'PXAT', ARGV[3])
			for i = 3, 4 do
			  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', ARGV[1])
			  redis.call('ZADD', KEYS[i], ARGV[3], ARGV[2])
			  expire_with_latest(KEYS[i])
			end
			return 1""", Long.class);

	/**
	 * KEYS: presented token, new token. ARGV: client id, now, presented hash, new hash.
	 * Answers {@code unknown}, {@code other_client} (nothing changed), {@code reused}
	 * with the family id, its user and its organization (empty if none), read before the
	 * family was killed, {@code expired} (the family killed), or {@code rotated}, the
	 * family id and the family's fields.
	 */
	static final RedisScript<List> ROTATE = script("""
			local now = tonumber(ARGV[2])
			local id = redis.call('GET', KEYS[1])
			if not id then return {'unknown'} end
			local fkey = family_key(id)
			local family = redis.call('HMGET', fkey, 'client', 'current', 'absolute_exp', 'idle_ttl', 'user', 'org')
			if not family[1] then return {'unknown'} end
			if family[1] ~= ARGV[1] then return {'other_client'} end
			if family[2] ~= ARGV[3] then
			  kill(id, now)
			  return {'reused', id, family[5], family[6] or ''}
			end
			if not alive(fkey, now) then
			  kill(id, now)
			  return {'expired', id}
			end
			local expiry = math.min(now + tonumber(family[4]), tonumber(family[3]))
			redis.call('SET', KEYS[2], id, 'PXAT', family[3])
			redis.call('HSET', fkey, 'current', ARGV[4], 'current_exp', int(expiry))
			local reply = {'rotated', id}
			for _, value in ipairs(redis.call('HGETALL', fkey)) do reply[#reply + 1] = value end
			return reply""", List.class);

	/**
	 * KEYS: family, its access tokens. ARGV: now, jti, expiry, family id. The bound set,
	 * and the family's entries in the user and client indexes, last until the later of
	 * the family's absolute expiry and its latest access token's, so that signing out
	 * everywhere still reaches a token minted just before the family expired.
	 */
	static final RedisScript<Long> BIND = script("""
			local now = tonumber(ARGV[1])
			if not alive(KEYS[1], now) then return 0 end
			redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
			redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2])
			local lives_until = tonumber(redis.call('HGET', KEYS[1], 'absolute_exp'))
			local latest = redis.call('ZRANGE', KEYS[2], -1, -1, 'WITHSCORES')[2]
			if latest and tonumber(latest) > lives_until then lives_until = tonumber(latest) end
			redis.call('PEXPIREAT', KEYS[2], int(lives_until))
			local owners = redis.call('HMGET', KEYS[1], 'user', 'client')
			for _, index in ipairs({'writ:rt:user:' .. owners[1], 'writ:rt:client:' .. owners[2]}) do
			  redis.call('ZADD', index, int(lives_until), ARGV[4])
			  expire_with_latest(index)
			end
			return 1""", Long.class);

	/**
	 * KEYS: presented token. ARGV: client id, now. Answers {@code unknown},
	 * {@code other_client} (nothing changed) or {@code revoked}.
	 */
	static final RedisScript<String> REVOKE = script("""
			local id = redis.call('GET', KEYS[1])
			if not id then return 'unknown' end
			local client = redis.call('HGET', family_key(id), 'client')
			if not client then return 'unknown' end
			if client ~= ARGV[1] then return 'other_client' end
			kill(id, tonumber(ARGV[2]))
			return 'revoked'""", String.class);

	/** ARGV: family id, now. Answers 1 if the family was alive. */
	static final RedisScript<Long> REVOKE_FAMILY = script("""
			return kill(ARGV[1], tonumber(ARGV[2]))""", Long.class);

	/**
	 * KEYS: a user's or a client's index. ARGV: now. Answers how many live families died.
	 */
	static final RedisScript<Long> REVOKE_ALL = script("""
			local now = tonumber(ARGV[1])
			local killed = 0
			for _, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do killed = killed + kill(id, now) end
			redis.call('DEL', KEYS[1])
			return killed""", Long.class);

	/**
	 * KEYS: user index. ARGV: now, organization id. Kills the user's families that speak
	 * for that organization; answers how many live ones died.
	 */
	static final RedisScript<Long> REVOKE_IN_ORGANIZATION = script("""
			local now = tonumber(ARGV[1])
			local killed = 0
			for _, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
			  if redis.call('HGET', family_key(id), 'org') == ARGV[2] then killed = killed + kill(id, now) end
			end
			return killed""", Long.class);

	/**
	 * KEYS: presented token. ARGV: presented hash, now. Answers the family id and fields
	 * if the token is current and alive, else nothing.
	 */
	static final RedisScript<List> FIND = script("""
			local id = redis.call('GET', KEYS[1])
			if not id then return {} end
			local fkey = family_key(id)
			if redis.call('HGET', fkey, 'current') ~= ARGV[1] or not alive(fkey, tonumber(ARGV[2])) then return {} end
			local reply = {id}
			for _, value in ipairs(redis.call('HGETALL', fkey)) do reply[#reply + 1] = value end
			return reply""", List.class);

	private RefreshFamilyScripts() {
	}

	private static <T> RedisScript<T> script(String body, Class<T> resultType) {
		return RedisScript.of(FUNCTIONS + body, resultType);
	}

}
