package dev.writ.server.token;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.writ.server.test.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link RedisClientAccessTokens} on the real devstack Redis. */
class RedisClientAccessTokensTests {

	private static RefreshTokenTestRedis redis;

	private static ReactiveStringRedisTemplate template;

	private final MutableClock clock = new MutableClock(Instant.ofEpochMilli(System.currentTimeMillis()));

	private final RedisClientAccessTokens tokens = new RedisClientAccessTokens(template, this.clock);

	private final String client = "client-" + UUID.randomUUID();

	@BeforeAll
	static void connect() {
		redis = RefreshTokenTestRedis.connect();
		template = redis.template();
	}

	@AfterAll
	static void disconnect() {
		redis.close();
	}

	private Instant in(Duration duration) {
		return this.clock.instant().plus(duration);
	}

	private boolean revoked(String jti) {
		return template.hasKey(RevocationList.KEY_PREFIX + jti).block();
	}

	@Test
	void revokeAllWhenTokensOfSeveralClientsThenOnlyThatClientsRevokedWithTheirExpiry() {
		String other = "client-" + UUID.randomUUID();
		this.tokens.add(this.client, "jti-1-" + this.client, in(Duration.ofMinutes(5))).block();
		this.tokens.add(this.client, "jti-2-" + this.client, in(Duration.ofMinutes(10))).block();
		this.tokens.add(other, "jti-" + other, in(Duration.ofMinutes(5))).block();
		assertThat(this.tokens.revokeAll(this.client).block()).isEqualTo(2);
		assertThat(revoked("jti-1-" + this.client)).isTrue();
		assertThat(revoked("jti-2-" + this.client)).isTrue();
		assertThat(template.opsForValue().get(RevocationList.KEY_PREFIX + "jti-2-" + this.client).block())
			.isEqualTo(Long.toString(in(Duration.ofMinutes(10)).getEpochSecond()));
		assertThat(revoked("jti-" + other)).isFalse();
		assertThat(this.tokens.revokeAll(this.client).block()).isZero();
	}

	@Test
	void revokeAllWhenUnknownClientThenNothing() {
		assertThat(this.tokens.revokeAll(this.client).block()).isZero();
	}

	@Test
	void addWhenOlderTokensExpiredThenPrunedAndTheSetExpiresWithTheLastToken() {
		this.tokens.add(this.client, "old-" + this.client, in(Duration.ofSeconds(30))).block();
		this.clock.advance(Duration.ofMinutes(1));
		this.tokens.add(this.client, "new-" + this.client, in(Duration.ofMinutes(5))).block();
		String key = RedisClientAccessTokens.KEY_PREFIX + this.client;
		assertThat(template.opsForZSet().size(key).block()).isEqualTo(1);
		// Redis counts real time, which the test's clock is a minute ahead of
		assertThat(template.getExpire(key).block()).isGreaterThan(Duration.ofMinutes(5))
			.isLessThanOrEqualTo(Duration.ofMinutes(6));
		assertThat(this.tokens.revokeAll(this.client).block()).isEqualTo(1);
		assertThat(revoked("old-" + this.client)).isFalse();
	}

}
