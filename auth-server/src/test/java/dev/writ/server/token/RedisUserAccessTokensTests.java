package dev.writ.server.token;

import java.time.Duration;
import java.time.Instant;

import dev.writ.server.test.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static dev.writ.server.token.RefreshTokenTestRedis.newUser;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link RedisUserAccessTokens} on the real devstack Redis. */
class RedisUserAccessTokensTests {

	private static RefreshTokenTestRedis redis;

	private static ReactiveStringRedisTemplate template;

	private final MutableClock clock = new MutableClock(Instant.ofEpochMilli(System.currentTimeMillis()));

	private final RedisUserAccessTokens tokens = new RedisUserAccessTokens(template, this.clock);

	private final String user = newUser();

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
	void revokeInOrganizationWhenTokensOfSeveralOrganizationsThenOnlyThatOnesRevoked() {
		this.tokens.add(this.user, "org_a", "jti-a-" + this.user, in(Duration.ofMinutes(5))).block();
		this.tokens.add(this.user, "org_ab", "jti-ab-" + this.user, in(Duration.ofMinutes(5))).block();
		this.tokens.add(this.user, null, "jti-none-" + this.user, in(Duration.ofMinutes(5))).block();
		assertThat(this.tokens.revokeInOrganization(this.user, "org_a").block()).isEqualTo(1);
		assertThat(revoked("jti-a-" + this.user)).isTrue();
		assertThat(revoked("jti-ab-" + this.user)).isFalse();
		assertThat(revoked("jti-none-" + this.user)).isFalse();
		assertThat(template.opsForValue().get(RevocationList.KEY_PREFIX + "jti-a-" + this.user).block())
			.isEqualTo(Long.toString(in(Duration.ofMinutes(5)).getEpochSecond()));
	}

	@Test
	void revokeAllWhenCalledThenEveryLiveTokenRevokedOnceAndOtherUsersKept() {
		String other = newUser();
		this.tokens.add(this.user, "org_a", "jti-1-" + this.user, in(Duration.ofMinutes(5))).block();
		this.tokens.add(this.user, null, "jti-2-" + this.user, in(Duration.ofMinutes(5))).block();
		this.tokens.add(other, "org_a", "jti-" + other, in(Duration.ofMinutes(5))).block();
		assertThat(this.tokens.revokeAll(this.user).block()).isEqualTo(2);
		assertThat(revoked("jti-1-" + this.user)).isTrue();
		assertThat(revoked("jti-2-" + this.user)).isTrue();
		assertThat(revoked("jti-" + other)).isFalse();
		assertThat(this.tokens.revokeAll(this.user).block()).isZero();
	}

	@Test
	void addWhenOlderTokensExpiredThenPrunedAndTheSetExpiresWithTheLastToken() {
		this.tokens.add(this.user, "org_a", "old-" + this.user, in(Duration.ofSeconds(30))).block();
		this.clock.advance(Duration.ofMinutes(1));
		this.tokens.add(this.user, "org_a", "new-" + this.user, in(Duration.ofMinutes(5))).block();
		String key = RedisUserAccessTokens.KEY_PREFIX + this.user;
		assertThat(template.opsForZSet().size(key).block()).isEqualTo(1);
		// Redis counts real time, which the test's clock is a minute ahead of
		assertThat(template.getExpire(key).block()).isGreaterThan(Duration.ofMinutes(5))
			.isLessThanOrEqualTo(Duration.ofMinutes(6));
		assertThat(this.tokens.revokeAll(this.user).block()).isEqualTo(1);
		assertThat(revoked("old-" + this.user)).isFalse();
	}

}
