package dev.writ.server.session;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.writ.devstack.DevStack;
import dev.writ.devstack.RedisServer;
import dev.writ.server.test.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RedisBrowserSessions} on a real Redis, with time moved by hand. Each test has
 * users of its own, so tests share the Redis without seeing each other.
 */
class RedisBrowserSessionsTests {

	private static final String CHROME_ON_LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
			+ "(KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";

	private static LettuceConnectionFactory connections;

	private static ReactiveStringRedisTemplate redis;

	// starts now, so that the expiries Redis applies by its own clock fall near the ones
	// the store decides by this one
	private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));

	private final SessionProperties properties = new SessionProperties(Duration.ofMinutes(30), Duration.ofHours(1),
			"writ_session");

	private final RedisBrowserSessions sessions = new RedisBrowserSessions(redis, this.properties, this.clock);

	private final String alice = "alice-" + UUID.randomUUID();

	private final String bob = "bob-" + UUID.randomUUID();

	@BeforeAll
	static void connect() {
		RedisServer server = DevStack.shared().redis();
		connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(server.host(), server.port()));
		// opening the connection blocks: here, not on an event loop
		connections.setEagerInitialization(true);
		connections.afterPropertiesSet();
		connections.start();
		redis = new ReactiveStringRedisTemplate(connections);
	}

	@AfterAll
	static void disconnect() {
		connections.destroy();
	}

	private StartedSession start(String userId) {
		return this.sessions.start(userId, this.clock.instant(), List.of("pwd"), CHROME_ON_LINUX, "203.0.113.7")
			.block();
	}

	@Test
	void startWhenCalledThenSecretResolvesToTheSession() {
		Instant authTime = this.clock.instant().minusSeconds(5);
		StartedSession started = this.sessions
			.start(this.alice, authTime, List.of("pwd", "otp"), CHROME_ON_LINUX, "203.0.113.7")
			.block();
		BrowserSession session = started.session();
		assertThat(started.cookieSecret()).matches("[A-Za-z0-9_-]{43}");
		assertThat(session.id()).matches("[A-Za-z0-9_-]{22}").isNotEqualTo(started.cookieSecret());
		assertThat(session.userId()).isEqualTo(this.alice);
		assertThat(session.authTime()).isEqualTo(authTime);
		assertThat(session.amr()).containsExactly("pwd", "otp");
		assertThat(session.createdAt()).isEqualTo(this.clock.instant());
		assertThat(session.lastSeenAt()).isEqualTo(this.clock.instant());
		assertThat(session.device()).isEqualTo("Chrome on Linux");
		assertThat(session.ipAddress()).isEqualTo("203.0.113.7");
		assertThat(this.sessions.resolve(started.cookieSecret()).block()).isEqualTo(session);
	}

	@Test
	void startWhenCalledTwiceThenNewIdAndSecretEachTime() {
		StartedSession first = start(this.alice);
		StartedSession second = start(this.alice);
		assertThat(second.session().id()).isNotEqualTo(first.session().id());
		assertThat(second.cookieSecret()).isNotEqualTo(first.cookieSecret());
	}

	@Test
	void startWhenNoUserAgentOrAddressThenUnknownDevice() {
		StartedSession started = this.sessions.start(this.alice, this.clock.instant(), List.of(), null, null).block();
		BrowserSession session = this.sessions.resolve(started.cookieSecret()).block();
		assertThat(session.device()).isEqualTo(DeviceDescription.UNKNOWN);
		assertThat(session.userAgent()).isNull();
		assertThat(session.ipAddress()).isNull();
		assertThat(session.amr()).isEmpty();
	}

	@Test
	void startWhenUserAgentHugeThenStoredShortened() {
		String huge = CHROME_ON_LINUX + "x".repeat(10_000);
		StartedSession started = this.sessions.start(this.alice, this.clock.instant(), List.of("pwd"), huge, null)
			.block();
		assertThat(this.sessions.resolve(started.cookieSecret()).block().userAgent())
			.hasSize(RedisBrowserSessions.MAX_USER_AGENT_LENGTH);
	}

	@Test
	void startWhenCalledThenRedisExpiresTheSessionAtItsIdleDeadline() {
		StartedSession started = start(this.alice);
		Long ttl = redis.getExpire(sessionKey(started)).map(Duration::toMillis).block();
		assertThat(ttl).isBetween(Duration.ofMinutes(29).toMillis(), Duration.ofMinutes(31).toMillis());
	}

	@Test
	void resolveWhenUnknownSecretThenEmpty() {
		assertThat(this.sessions.resolve(SessionSecrets.newSecret()).blockOptional()).isEmpty();
	}

	@Test
	void resolveWhenIdleJustUnderIdleTimeToLiveThenFound() {
		StartedSession started = start(this.alice);
		this.clock.advance(Duration.ofMinutes(30).minusMillis(1));
		assertThat(this.sessions.resolve(started.cookieSecret()).blockOptional()).isPresent();
	}

	@Test
	void resolveWhenIdleForIdleTimeToLiveThenEmptyAndDeleted() {
		StartedSession started = start(this.alice);
		this.clock.advance(Duration.ofMinutes(30));
		assertThat(this.sessions.resolve(started.cookieSecret()).blockOptional()).isEmpty();
		assertThat(redis.hasKey(sessionKey(started)).block()).isFalse();
		assertThat(redis.opsForHash().size(RedisBrowserSessions.USER_PREFIX + this.alice).block()).isZero();
	}

	@Test
	void resolveWhenBusyUntilAbsoluteTimeToLiveThenEmpty() {
		StartedSession started = start(this.alice);
		for (int i = 0; i < 5; i++) {
			this.clock.advance(Duration.ofMinutes(11));
			assertThat(this.sessions.resolve(started.cookieSecret()).blockOptional()).isPresent();
		}
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(this.sessions.resolve(started.cookieSecret()).blockOptional()).isEmpty();
	}

	@Test
	void resolveWhenNearAbsoluteDeadlineThenRedisExpiryNotPastIt() {
		StartedSession started = start(this.alice);
		this.clock.advance(Duration.ofMinutes(25));
		this.sessions.resolve(started.cookieSecret()).block();
		this.clock.advance(Duration.ofMinutes(25));
		this.sessions.resolve(started.cookieSecret()).block();
		Instant absoluteDeadline = started.session().createdAt().plus(Duration.ofHours(1));
		assertThat(storedField(started, "expires_at")).isEqualTo(Long.toString(absoluteDeadline.toEpochMilli()));
	}

	@Test
	void resolveWhenWithinAMinuteOfLastSeenThenNothingWritten() {
		StartedSession started = start(this.alice);
		Instant createdAt = started.session().createdAt();
		this.clock.advance(Duration.ofSeconds(59));
		BrowserSession session = this.sessions.resolve(started.cookieSecret()).block();
		assertThat(session.lastSeenAt()).isEqualTo(createdAt);
		assertThat(storedField(started, "last_seen_at")).isEqualTo(Long.toString(createdAt.toEpochMilli()));
	}

	@Test
	void resolveWhenAMinuteAfterLastSeenThenLastSeenRecordedAndIdleDeadlineExtended() {
		StartedSession started = start(this.alice);
		this.clock.advance(Duration.ofMinutes(1));
		Instant seen = this.clock.instant();
		assertThat(this.sessions.resolve(started.cookieSecret()).block().lastSeenAt()).isEqualTo(seen);
		assertThat(storedField(started, "last_seen_at")).isEqualTo(Long.toString(seen.toEpochMilli()));
		this.clock.advance(Duration.ofMinutes(30).minusMillis(1));
		assertThat(this.sessions.resolve(started.cookieSecret()).block().lastSeenAt()).isEqualTo(this.clock.instant());
	}

	@Test
	void findByUserWhenSeveralThenOnlyTheUsersNewestFirst() {
		StartedSession first = start(this.alice);
		this.clock.advance(Duration.ofSeconds(1));
		StartedSession second = start(this.alice);
		this.clock.advance(Duration.ofSeconds(1));
		StartedSession third = start(this.alice);
		start(this.bob);
		assertThat(this.sessions.findByUser(this.alice).map(BrowserSession::id).collectList().block())
			.containsExactly(third.session().id(), second.session().id(), first.session().id());
	}

	@Test
	void findByUserWhenNoSessionsThenEmpty() {
		assertThat(this.sessions.findByUser(this.alice).collectList().block()).isEmpty();
	}

	@Test
	void findByUserWhenSessionsDeadThenSkippedAndPrunedFromIndex() {
		StartedSession idle = start(this.alice);
		StartedSession expiredInRedis = start(this.alice);
		this.clock.advance(Duration.ofMinutes(20));
		StartedSession live = start(this.alice);
		this.clock.advance(Duration.ofMinutes(15));
		redis.delete(sessionKey(expiredInRedis)).block();
		assertThat(this.sessions.findByUser(this.alice).map(BrowserSession::id).collectList().block())
			.containsExactly(live.session().id());
		assertThat(redis.<String, String>opsForHash()
			.keys(RedisBrowserSessions.USER_PREFIX + this.alice)
			.collectList()
			.block()).containsExactly(live.session().id());
		assertThat(redis.hasKey(sessionKey(idle)).block()).isFalse();
	}

	@Test
	void revokeWhenOwnSessionThenTrueAndItNoLongerResolves() {
		StartedSession started = start(this.alice);
		StartedSession other = start(this.alice);
		assertThat(this.sessions.revoke(this.alice, started.session().id()).block()).isTrue();
		assertThat(this.sessions.resolve(started.cookieSecret()).blockOptional()).isEmpty();
		assertThat(this.sessions.resolve(other.cookieSecret()).blockOptional()).isPresent();
		assertThat(this.sessions.findByUser(this.alice).map(BrowserSession::id).collectList().block())
			.containsExactly(other.session().id());
	}

	@Test
	void revokeWhenAnotherUsersSessionThenFalseAndItStillResolves() {
		StartedSession bobs = start(this.bob);
		start(this.alice);
		assertThat(this.sessions.revoke(this.alice, bobs.session().id()).block()).isFalse();
		assertThat(this.sessions.resolve(bobs.cookieSecret()).blockOptional()).isPresent();
	}

	@Test
	void revokeWhenUnknownIdThenFalse() {
		start(this.alice);
		assertThat(this.sessions.revoke(this.alice, SessionSecrets.newId()).block()).isFalse();
	}

	@Test
	void revokeWhenSessionAlreadyDeadThenFalse() {
		StartedSession started = start(this.alice);
		this.clock.advance(Duration.ofMinutes(31));
		assertThat(this.sessions.revoke(this.alice, started.session().id()).block()).isFalse();
	}

	@Test
	void endWhenCalledThenSessionGoneAndNotListed() {
		StartedSession ended = start(this.alice);
		StartedSession kept = start(this.alice);
		this.sessions.end(ended.cookieSecret()).block();
		assertThat(this.sessions.resolve(ended.cookieSecret()).blockOptional()).isEmpty();
		assertThat(redis.hasKey(sessionKey(ended)).block()).isFalse();
		assertThat(this.sessions.findByUser(this.alice).map(BrowserSession::id).collectList().block())
			.containsExactly(kept.session().id());
	}

	@Test
	void endWhenUnknownSecretThenNothingHappens() {
		StartedSession kept = start(this.alice);
		this.sessions.end(SessionSecrets.newSecret()).block();
		assertThat(this.sessions.resolve(kept.cookieSecret()).blockOptional()).isPresent();
	}

	@Test
	void revokeAllForUserWhenSeveralThenAllOfTheUsersEndedAndOthersKept() {
		StartedSession first = start(this.alice);
		StartedSession second = start(this.alice);
		StartedSession bobs = start(this.bob);
		assertThat(this.sessions.revokeAllForUser(this.alice).block()).isEqualTo(2);
		assertThat(this.sessions.resolve(first.cookieSecret()).blockOptional()).isEmpty();
		assertThat(this.sessions.resolve(second.cookieSecret()).blockOptional()).isEmpty();
		assertThat(this.sessions.findByUser(this.alice).collectList().block()).isEmpty();
		assertThat(redis.hasKey(RedisBrowserSessions.USER_PREFIX + this.alice).block()).isFalse();
		assertThat(this.sessions.resolve(bobs.cookieSecret()).blockOptional()).isPresent();
	}

	@Test
	void revokeAllForUserWhenNoSessionsThenZero() {
		assertThat(this.sessions.revokeAllForUser(this.alice).block()).isZero();
	}

	@Test
	void revokeAllForUserWhenSomeDeadThenCountsOnlyLiveOnes() {
		start(this.alice);
		this.clock.advance(Duration.ofMinutes(20));
		start(this.alice);
		this.clock.advance(Duration.ofMinutes(15));
		assertThat(this.sessions.revokeAllForUser(this.alice).block()).isEqualTo(1);
	}

	@Test
	void storeWhenSessionsStartedThenNoCookieSecretInAnyKeyOrValue() {
		StartedSession started = start(this.alice);
		String secret = started.cookieSecret();
		List<String> keys = List.of(sessionKey(started), RedisBrowserSessions.USER_PREFIX + this.alice);
		assertThat(redis.hasKey(RedisBrowserSessions.SESSION_PREFIX + secret).block()).isFalse();
		for (String key : keys) {
			assertThat(key).doesNotContain(secret);
			Map<String, String> fields = redis.<String, String>opsForHash()
				.entries(key)
				.collectMap(Map.Entry::getKey, Map.Entry::getValue)
				.block();
			assertThat(fields).isNotEmpty();
			fields.forEach((name, value) -> assertThat(name + "=" + value).doesNotContain(secret));
		}
		List<String> allKeys = redis.scan().collectList().block();
		assertThat(allKeys).noneMatch((key) -> key.contains(secret));
	}

	private static String sessionKey(StartedSession started) {
		return RedisBrowserSessions.SESSION_PREFIX + SessionSecrets.hash(started.cookieSecret());
	}

	private static String storedField(StartedSession started, String field) {
		return redis.<String, String>opsForHash().get(sessionKey(started), field).block();
	}

}
