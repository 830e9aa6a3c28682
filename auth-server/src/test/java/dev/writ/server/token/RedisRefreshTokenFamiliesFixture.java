package dev.writ.server.token;

import java.time.Instant;

import dev.writ.server.test.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static dev.writ.server.token.RefreshTokenTestRedis.newUser;

/**
 * What every {@link RedisRefreshTokenFamilies} test class starts from: the devstack
 * Redis, a store on a clock the test moves, and a user of its own.
 */
abstract class RedisRefreshTokenFamiliesFixture {

	static RefreshTokenTestRedis redis;

	static ReactiveStringRedisTemplate template;

	final MutableClock clock = new MutableClock(Instant.ofEpochMilli(System.currentTimeMillis()));

	final RedisRefreshTokenFamilies families = new RedisRefreshTokenFamilies(template, this.clock);

	final String user = newUser();

	@BeforeAll
	static void connect() {
		redis = RefreshTokenTestRedis.connect();
		template = redis.template();
	}

	@AfterAll
	static void disconnect() {
		redis.close();
	}

}
