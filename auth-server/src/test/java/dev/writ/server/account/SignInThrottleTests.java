package dev.writ.server.account;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.writ.devstack.DevStack;
import dev.writ.devstack.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The failed-sign-in counters and their Lua scripts, on the devstack Redis. */
class SignInThrottleTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Duration WINDOW = Duration.ofMinutes(2);

	private static LettuceConnectionFactory connectionFactory;

	private static ReactiveStringRedisTemplate redis;

	private static SignInThrottle throttle;

	private final String email = "throttle-" + UUID.randomUUID() + "@example.test";

	private final String ip = "203.0.113." + UUID.randomUUID();

	@BeforeAll
	static void connect() {
		RedisServer server = DevStack.shared().redis();
		connectionFactory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(server.host(), server.port()));
		connectionFactory.afterPropertiesSet();
		connectionFactory.start();
		redis = new ReactiveStringRedisTemplate(connectionFactory);
		throttle = new SignInThrottle(redis, new SignInProperties(3, 5, WINDOW));
	}

	@AfterAll
	static void disconnect() {
		connectionFactory.destroy();
	}

	private String accountKey() {
		return "writ:sign-in:account:" + SignInThrottle.accountKey(this.email);
	}

	private String ipKey() {
		return "writ:sign-in:ip:" + this.ip;
	}

	private String count(String key) {
		return redis.opsForValue().get(key).block(TIMEOUT);
	}

	private Duration ttl(String key) {
		return redis.getExpire(key).block(TIMEOUT);
	}

	@Test
	void reserveWhenBelowLimitsThenGoesAheadAndCountsBothWithAWindow() {
		assertThat(throttle.reserve(this.email, this.ip).block(TIMEOUT)).isZero();
		assertThat(count(accountKey())).isEqualTo("1");
		assertThat(count(ipKey())).isEqualTo("1");
		assertThat(ttl(accountKey())).isPositive().isLessThanOrEqualTo(WINDOW);
		assertThat(ttl(ipKey())).isPositive().isLessThanOrEqualTo(WINDOW);
	}

	@Test
	void reserveWhenAccountAtLimitThenWaitsForItsWindowWithoutCounting() {
		for (int i = 0; i < 3; i++) {
			assertThat(throttle.reserve(this.email, this.ip).block(TIMEOUT)).isZero();
		}
		Duration wait = throttle.reserve(this.email, this.ip).block(TIMEOUT);
		assertThat(wait).isPositive().isLessThanOrEqualTo(WINDOW);
		assertThat(count(accountKey())).isEqualTo("3");
		assertThat(count(ipKey())).isEqualTo("3");
	}

	@Test
	void reserveWhenIpAtLimitThenOtherAccountsWait() {
		for (int i = 0; i < 5; i++) {
			assertThat(throttle.reserve("other-" + i + "-" + this.email, this.ip).block(TIMEOUT)).isZero();
		}
		assertThat(throttle.reserve(this.email, this.ip).block(TIMEOUT)).isPositive();
		assertThat(count(accountKey())).isNull();
		assertThat(throttle.reserve(this.email, "other-" + this.ip).block(TIMEOUT)).isZero();
	}

	@Test
	void reserveWhenAddressDiffersOnlyInCaseAndSpaceThenSameAccountCounter() {
		throttle.reserve(this.email.toUpperCase(), this.ip).block(TIMEOUT);
		throttle.reserve("  " + this.email + " ", this.ip).block(TIMEOUT);
		assertThat(count(accountKey())).isEqualTo("2");
	}

	@Test
	void reserveWhenFullCounterHasNoExpiryThenGivesItTheWindow() {
		redis.opsForValue().set(accountKey(), "3").block(TIMEOUT);
		Duration wait = throttle.reserve(this.email, this.ip).block(TIMEOUT);
		assertThat(wait).isEqualTo(WINDOW);
		assertThat(ttl(accountKey())).isPositive().isLessThanOrEqualTo(WINDOW);
	}

	@Test
	void succeededWhenCountedThenAccountStartsOverAndIpForgetsTheAttempt() {
		throttle.reserve(this.email, this.ip).block(TIMEOUT);
		throttle.reserve(this.email, this.ip).block(TIMEOUT);
		throttle.succeeded(this.email, this.ip).block(TIMEOUT);
		assertThat(count(accountKey())).isNull();
		assertThat(count(ipKey())).isEqualTo("1");
		assertThat(ttl(ipKey())).isPositive();
	}

	@Test
	void releaseWhenCountedThenBothCountersLoseTheAttempt() {
		throttle.reserve(this.email, this.ip).block(TIMEOUT);
		throttle.reserve(this.email, this.ip).block(TIMEOUT);
		throttle.release(this.email, this.ip).block(TIMEOUT);
		assertThat(count(accountKey())).isEqualTo("1");
		assertThat(count(ipKey())).isEqualTo("1");
	}

	@Test
	void releaseWhenWindowEndedMeanwhileThenNoCounterWithoutExpiryIsLeft() {
		throttle.reserve(this.email, this.ip).block(TIMEOUT);
		redis.delete(accountKey(), ipKey()).block(TIMEOUT);
		throttle.release(this.email, this.ip).block(TIMEOUT);
		throttle.succeeded(this.email, this.ip).block(TIMEOUT);
		assertThat(redis.countExistingKeys(List.of(accountKey(), ipKey())).block(TIMEOUT)).isZero();
	}

}
