package dev.writ.server.token;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.writ.server.event.DomainEvent;
import dev.writ.server.event.DomainEvents;
import dev.writ.server.test.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static dev.writ.server.token.RefreshTokenTestRedis.newUser;

/**
 * What every {@link RedisRefreshTokenFamilies} test class starts from: the devstack
 * Redis, a store on a clock the test moves that records the events it publishes, and a
 * user of its own.
 */
abstract class RedisRefreshTokenFamiliesFixture {

	static RefreshTokenTestRedis redis;

	static ReactiveStringRedisTemplate template;

	final MutableClock clock = new MutableClock(Instant.ofEpochMilli(System.currentTimeMillis()));

	/** What the store published, in order. */
	final List<DomainEvent> published = new CopyOnWriteArrayList<>();

	final DomainEvents events = new DomainEvents(List.of((event) -> Mono.fromRunnable(() -> this.published.add(event))),
			this.clock);

	final RedisRefreshTokenFamilies families = new RedisRefreshTokenFamilies(template, this.clock, this.events);

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
