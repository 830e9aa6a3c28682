package dev.writ.server.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link BrowserSessions} in Redis.
 *
 * <p>
 * Layout: {@code writ:session:{sha256(secret)}} is a hash of the session's fields, with
 * {@code expires_at} the earlier of its idle and absolute deadlines, and a Redis expiry
 * at the same instant; {@code writ:user-sessions:{userId}} is a hash from session id to
 * secret hash, which outlives every session it names. Each change that touches both keys
 * is one Lua script, so "sign out everywhere" cannot miss a session started during it.
 * The scripts derive session keys from the index, which assumes one Redis (not a Redis
 * Cluster), as Writ's architecture does.
 */
@Component
final class RedisBrowserSessions implements BrowserSessions {

	static final String SESSION_PREFIX = "writ:session:";

	static final String USER_PREFIX = "writ:user-sessions:";

	/** Requests within this time of the last recorded one do not write. */
	static final Duration LAST_SEEN_GRANULARITY = Duration.ofMinutes(1);

	/** Enough to recognize a browser; caps what a client can make Redis store. */
	static final int MAX_USER_AGENT_LENGTH = 512;

	/** How much longer than its newest session a user's index lives. */
	private static final Duration INDEX_MARGIN = Duration.ofMinutes(1);

	/** Writes the session and its index entry; only ever lengthens the index's life. */
	private static final RedisScript<Long> START = RedisScript.of("""
			redis.call('HSET', KEYS[1], unpack(ARGV, 5))
			redis.call('PEXPIREAT', KEYS[1], ARGV[1])
			redis.call('HSET', KEYS[2], ARGV[3], ARGV[4])
			if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[2], ARGV[2]) end
			return 1""", Long.class);

	/**
	 * Records a request, unless the session was ended meanwhile (HSET would revive it).
	 */
	private static final RedisScript<Long> TOUCH = RedisScript.of("""
			if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
			redis.call('HSET', KEYS[1], 'last_seen_at', ARGV[1], 'expires_at', ARGV[2])
			redis.call('PEXPIREAT', KEYS[1], ARGV[2])
			return 1""", Long.class);

	/** Deletes a session and its index entry. */
	private static final RedisScript<Long> END = RedisScript.of("""
			local owner = redis.call('HMGET', KEYS[1], 'user_id', 'id')
			if not owner[1] then return 0 end
			redis.call('HDEL', ARGV[1] .. owner[1], owner[2])
			return redis.call('DEL', KEYS[1])""", Long.class);

	/** Deletes one of the user's sessions; 1 only if it was live. */
	private static final RedisScript<Long> REVOKE = RedisScript.of("""
			local hash = redis.call('HGET', KEYS[1], ARGV[1])
			if not hash then return 0 end
			redis.call('HDEL', KEYS[1], ARGV[1])
			local key = ARGV[2] .. hash
			local session = redis.call('HMGET', key, 'user_id', 'expires_at')
			if session[1] ~= ARGV[3] then return 0 end
			redis.call('DEL', key)
			if tonumber(session[2]) > tonumber(ARGV[4]) then return 1 end
			return 0""", Long.class);

	/** Deletes every session of the user and the index; the number of live ones. */
	private static final RedisScript<Long> REVOKE_ALL = RedisScript.of("""
			local entries = redis.call('HGETALL', KEYS[1])
			local ended = 0
			for i = 2, #entries, 2 do
				local key = ARGV[1] .. entries[i]
				local expires = redis.call('HGET', key, 'expires_at')
				if expires and redis.call('DEL', key) == 1 and tonumber(expires) > tonumber(ARGV[2]) then
					ended = ended + 1
				end
			end
			redis.call('DEL', KEYS[1])
			return ended""", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final SessionProperties properties;

	private final Clock clock;

	RedisBrowserSessions(ReactiveStringRedisTemplate redis, SessionProperties properties, Clock clock) {
		this.redis = redis;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public Mono<StartedSession> start(String userId, Instant authTime, List<String> amr, @Nullable String userAgent,
			@Nullable String ipAddress) {
		Instant now = now();
		String agent = (userAgent != null && userAgent.length() > MAX_USER_AGENT_LENGTH)
				? userAgent.substring(0, MAX_USER_AGENT_LENGTH) : userAgent;
		// stored to the millisecond, so the session returned equals the one resolved
		// later
		Instant storedAuthTime = Instant.ofEpochMilli(authTime.toEpochMilli());
		BrowserSession session = new BrowserSession(SessionSecrets.newId(), userId, storedAuthTime, amr, now, now,
				agent, DeviceDescription.of(agent), ipAddress);
		String secret = SessionSecrets.newSecret();
		String hash = SessionSecrets.hash(secret);
		Instant expiresAt = min(now.plus(this.properties.idleTimeToLive()),
				now.plus(this.properties.absoluteTimeToLive()));
		List<String> args = new ArrayList<>(List.of(millis(expiresAt),
				Long.toString(this.properties.absoluteTimeToLive().plus(INDEX_MARGIN).toMillis()), session.id(), hash));
		args.addAll(StoredSession.fields(session, expiresAt));
		return this.redis.execute(START, List.of(SESSION_PREFIX + hash, USER_PREFIX + userId), args)
			.then(Mono.just(new StartedSession(session, secret)));
	}

	@Override
	public Mono<BrowserSession> resolve(String cookieSecret) {
		String key = SESSION_PREFIX + SessionSecrets.hash(cookieSecret);
		return load(key).flatMap((stored) -> {
			Instant now = now();
			if (!stored.isAliveAt(now)) {
				return delete(key).then(Mono.empty());
			}
			if (now.isBefore(stored.session().lastSeenAt().plus(LAST_SEEN_GRANULARITY))) {
				return Mono.just(stored.session());
			}
			return touch(key, stored, now);
		});
	}

	private Mono<BrowserSession> touch(String key, StoredSession stored, Instant now) {
		BrowserSession session = stored.session();
		Instant expiresAt = min(now.plus(this.properties.idleTimeToLive()),
				session.createdAt().plus(this.properties.absoluteTimeToLive()));
		return this.redis.execute(TOUCH, List.of(key), List.of(millis(now), millis(expiresAt)))
			.next()
			.filter((touched) -> touched == 1)
			.map((touched) -> new BrowserSession(session.id(), session.userId(), session.authTime(), session.amr(),
					session.createdAt(), now, session.userAgent(), session.device(), session.ipAddress()));
	}

	@Override
	public Flux<BrowserSession> findByUser(String userId) {
		String index = USER_PREFIX + userId;
		Instant now = now();
		return this.redis.<String, String>opsForHash()
			.entries(index)
			.flatMap((entry) -> load(SESSION_PREFIX + entry.getValue())
				.switchIfEmpty(this.redis.<String, String>opsForHash().remove(index, entry.getKey()).then(Mono.empty()))
				.flatMap((stored) -> stored.isAliveAt(now) ? Mono.just(stored.session())
						: delete(SESSION_PREFIX + entry.getValue()).then(Mono.empty())))
			.sort(Comparator.comparing(BrowserSession::createdAt).reversed());
	}

	@Override
	public Mono<Boolean> revoke(String userId, String sessionId) {
		return this.redis
			.execute(REVOKE, List.of(USER_PREFIX + userId), List.of(sessionId, SESSION_PREFIX, userId, millis(now())))
			.next()
			.map((revoked) -> revoked == 1);
	}

	@Override
	public Mono<Void> end(String cookieSecret) {
		return delete(SESSION_PREFIX + SessionSecrets.hash(cookieSecret));
	}

	@Override
	public Mono<Long> revokeAllForUser(String userId) {
		return this.redis.execute(REVOKE_ALL, List.of(USER_PREFIX + userId), List.of(SESSION_PREFIX, millis(now())))
			.next();
	}

	private Mono<StoredSession> load(String key) {
		return this.redis.<String, String>opsForHash()
			.entries(key)
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.filter((fields) -> !fields.isEmpty())
			.map(StoredSession::parse);
	}

	private Mono<Void> delete(String key) {
		return this.redis.execute(END, List.of(key), List.of(USER_PREFIX)).then();
	}

	/** Millisecond precision, as stored, so a session reads back equal to itself. */
	private Instant now() {
		return Instant.ofEpochMilli(this.clock.millis());
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private static String millis(Instant instant) {
		return Long.toString(instant.toEpochMilli());
	}

	/** A session as its Redis hash holds it, with the deadline that decides its life. */
	record StoredSession(BrowserSession session, Instant expiresAt) {

		boolean isAliveAt(Instant now) {
			return now.isBefore(this.expiresAt);
		}

		/** Field-value pairs for {@code HSET}; an absent value is stored empty. */
		static List<String> fields(BrowserSession session, Instant expiresAt) {
			return List.of("id", session.id(), "user_id", session.userId(), "auth_time", millis(session.authTime()),
					"amr", String.join(" ", session.amr()), "created_at", millis(session.createdAt()), "last_seen_at",
					millis(session.lastSeenAt()), "expires_at", millis(expiresAt), "user_agent",
					orEmpty(session.userAgent()), "ip_address", orEmpty(session.ipAddress()));
		}

		static StoredSession parse(Map<String, String> fields) {
			String userAgent = orNull(fields.get("user_agent"));
			String amr = fields.getOrDefault("amr", "");
			BrowserSession session = new BrowserSession(fields.get("id"), fields.get("user_id"),
					instant(fields.get("auth_time")), amr.isEmpty() ? List.of() : Arrays.asList(amr.split(" ")),
					instant(fields.get("created_at")), instant(fields.get("last_seen_at")), userAgent,
					DeviceDescription.of(userAgent), orNull(fields.get("ip_address")));
			return new StoredSession(session, instant(fields.get("expires_at")));
		}

		private static Instant instant(String millis) {
			return Instant.ofEpochMilli(Long.parseLong(millis));
		}

		private static String orEmpty(@Nullable String value) {
			return (value != null) ? value : "";
		}

		@Nullable
		private static String orNull(@Nullable String value) {
			return (value == null || value.isEmpty()) ? null : value;
		}

	}

}
