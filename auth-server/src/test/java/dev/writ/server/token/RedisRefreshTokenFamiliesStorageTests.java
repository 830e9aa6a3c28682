package dev.writ.server.token;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.DataType;
import org.springframework.data.redis.core.ScanOptions;

import static dev.writ.server.token.RefreshTokenTestRedis.CLIENT;
import static dev.writ.server.token.RefreshTokenTestRedis.POLICY;
import static dev.writ.server.token.RefreshTokenTestRedis.grant;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link RedisRefreshTokenFamilies} leaves in Redis: hashes instead of tokens, and
 * keys that expire with what they describe.
 */
class RedisRefreshTokenFamiliesStorageTests extends RedisRefreshTokenFamiliesFixture {

	@Test
	void startAndRotateWhenStoredThenNoKeyOrValueHoldsATokenValue() {
		IssuedRefreshToken first = this.families.start(grant(this.user), POLICY).block();
		IssuedRefreshToken second = this.families.rotate(first.value(), CLIENT).block().next();
		this.families.bindAccessToken(second.familyId(), "jti-1", this.clock.instant().plusSeconds(300)).block();
		List<String> stored = storedText();
		assertThat(stored).isNotEmpty().contains("writ:rt:token:" + RefreshTokenValues.hash(first.value()));
		for (IssuedRefreshToken token : List.of(first, second)) {
			String secret = token.value().substring(RefreshTokenValues.PREFIX.length());
			assertThat(stored).noneMatch((text) -> text.contains(secret));
		}
	}

	/** Every key under {@code writ:rt:} and everything stored in it. */
	private static List<String> storedText() {
		return template.scan(ScanOptions.scanOptions().match("writ:rt:*").count(1000).build())
			.concatMap(
					(key) -> template.type(key).flatMapMany((type) -> Flux.concat(Flux.just(key), contents(key, type))))
			.collectList()
			.block();
	}

	private static Flux<String> contents(String key, DataType type) {
		return switch (type) {
			case STRING -> template.opsForValue().get(key).flux();
			case HASH -> template.opsForHash()
				.entries(key)
				.flatMap((entry) -> Flux.just(entry.getKey().toString(), entry.getValue().toString()));
			case ZSET -> template.opsForZSet().range(key, Range.unbounded());
			default -> Flux.error(new AssertionError("unexpected " + type + " at " + key));
		};
	}

	@Test
	void startWhenStoredThenEveryKeyExpiresWithTheFamily() {
		IssuedRefreshToken token = this.families.start(grant(this.user), POLICY).block();
		List<String> keys = List.of("writ:rt:token:" + RefreshTokenValues.hash(token.value()),
				"writ:rt:family:" + token.familyId(), "writ:rt:user:" + this.user);
		for (String key : keys) {
			assertThat(template.getExpire(key).block()).as(key)
				.isBetween(POLICY.absoluteTimeToLive().minusSeconds(5), POLICY.absoluteTimeToLive());
		}
	}

	@Test
	void rotateWhenRotatedThenUsedTokenRememberedUntilAbsoluteExpiry() {
		IssuedRefreshToken used = this.families.start(grant(this.user), POLICY).block();
		this.clock.advance(Duration.ofMinutes(30));
		this.families.rotate(used.value(), CLIENT).block();
		// Redis counts in real time, which has hardly moved since the family started
		assertThat(template.getExpire("writ:rt:token:" + RefreshTokenValues.hash(used.value())).block())
			.isBetween(POLICY.absoluteTimeToLive().minusSeconds(5), POLICY.absoluteTimeToLive());
	}

	@Test
	void bindAccessTokenWhenTokenOutlivesFamilyThenKeptUntilTokenExpires() {
		RefreshTokenPolicy shortFamily = new RefreshTokenPolicy(Duration.ofMinutes(1), Duration.ofMinutes(1));
		IssuedRefreshToken token = this.families.start(grant(this.user), shortFamily).block();
		this.families.bindAccessToken(token.familyId(), "jti-long", this.clock.instant().plus(Duration.ofMinutes(5)))
			.block();
		for (String key : List.of("writ:rt:family:" + token.familyId() + ":at", "writ:rt:user:" + this.user)) {
			assertThat(template.getExpire(key).block()).as(key)
				.isBetween(Duration.ofMinutes(5).minusSeconds(5), Duration.ofMinutes(5));
		}
	}

	@Test
	void startWhenUserHasDeadFamiliesThenPrunedFromUserIndex() {
		RefreshTokenPolicy shortFamily = new RefreshTokenPolicy(Duration.ofMinutes(1), Duration.ofMinutes(1));
		IssuedRefreshToken old = this.families.start(grant(this.user), shortFamily).block();
		this.clock.advance(Duration.ofMinutes(2));
		IssuedRefreshToken fresh = this.families.start(grant(this.user), POLICY).block();
		List<String> indexed = new ArrayList<>(
				template.opsForZSet().range("writ:rt:user:" + this.user, Range.unbounded()).collectList().block());
		assertThat(indexed).containsExactly(fresh.familyId()).doesNotContain(old.familyId());
	}

}
