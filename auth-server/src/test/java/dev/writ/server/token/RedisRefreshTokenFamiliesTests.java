package dev.writ.server.token;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.writ.devstack.FreePorts;
import dev.writ.server.protocol.OAuth2Exception;
import dev.writ.server.protocol.Scope;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.RedisConnectionFailureException;

import static dev.writ.server.token.RefreshTokenTestRedis.CLIENT;
import static dev.writ.server.token.RefreshTokenTestRedis.OTHER_CLIENT;
import static dev.writ.server.token.RefreshTokenTestRedis.POLICY;
import static dev.writ.server.token.RefreshTokenTestRedis.grant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@link RefreshTokenFamilies} contract for issuing, rotating, expiring and finding
 * tokens, on the real devstack Redis; revocation is in
 * {@link RedisRefreshTokenFamiliesRevocationTests}.
 */
class RedisRefreshTokenFamiliesTests extends RedisRefreshTokenFamiliesFixture {

	private IssuedRefreshToken start() {
		return this.families.start(grant(this.user), POLICY).block();
	}

	private RefreshTokenRotation rotate(String token) {
		return this.families.rotate(token, CLIENT).block();
	}

	private static void assertInvalidGrant(Mono<?> attempt) {
		assertThatExceptionOfType(OAuth2Exception.class).isThrownBy(attempt::block)
			.satisfies((error) -> assertThat(error.errorCode()).isEqualTo("invalid_grant"));
	}

	@Test
	void startWhenGrantThenPrefixedTokenExpiringAfterIdleLifetime() {
		IssuedRefreshToken token = start();
		assertThat(token.value()).matches("writ_rt_[A-Za-z0-9_-]{43}");
		assertThat(token.expiresAt()).isEqualTo(this.clock.instant().plus(POLICY.idleTimeToLive()));
		assertThat(token.toString()).doesNotContain(token.value());
		assertThat(start().value()).isNotEqualTo(token.value());
	}

	@Test
	void rotateWhenCurrentTokenThenNextTokenWithSameGrant() {
		IssuedRefreshToken first = start();
		this.clock.advance(Duration.ofMinutes(10));
		RefreshTokenRotation rotation = rotate(first.value());
		assertThat(rotation.grant()).isEqualTo(grant(this.user));
		assertThat(rotation.next().familyId()).isEqualTo(first.familyId());
		assertThat(rotation.next().value()).isNotEqualTo(first.value()).startsWith("writ_rt_");
		assertThat(rotation.next().expiresAt()).isEqualTo(this.clock.instant().plus(POLICY.idleTimeToLive()));
		assertThat(rotate(rotation.next().value()).grant()).isEqualTo(grant(this.user));
	}

	@Test
	void rotateWhenGrantHasNoSessionOrganizationOrAudienceThenSameGrantBack() {
		RefreshGrant bare = new RefreshGrant(this.user, CLIENT, Scope.EMPTY, null,
				Instant.parse("2030-01-01T00:00:00Z"), List.of(), null, List.of());
		IssuedRefreshToken token = this.families.start(bare, POLICY).block();
		assertThat(rotate(token.value()).grant()).isEqualTo(bare);
	}

	@Test
	void rotateWhenUnknownTokenThenInvalidGrant() {
		assertInvalidGrant(this.families.rotate(RefreshTokenValues.newValue(), CLIENT));
	}

	@Test
	void rotateWhenNotARefreshTokenThenInvalidGrant() {
		assertInvalidGrant(this.families.rotate("eyJhbGciOiJSUzI1NiJ9.e30.sig", CLIENT));
		assertInvalidGrant(this.families.rotate("writ_rt_short", CLIENT));
	}

	@Test
	void rotateWhenTokenOfAnotherClientThenInvalidGrantAndStillUsableByItsClient() {
		IssuedRefreshToken token = start();
		assertInvalidGrant(this.families.rotate(token.value(), OTHER_CLIENT));
		assertThat(rotate(token.value()).next().familyId()).isEqualTo(token.familyId());
	}

	@Test
	void rotateWhenUsedTokenThenInvalidGrantAndWholeFamilyDead() {
		IssuedRefreshToken first = start();
		RefreshTokenRotation rotation = rotate(first.value());
		assertThatExceptionOfType(OAuth2Exception.class).isThrownBy(() -> rotate(first.value()))
			.satisfies((error) -> assertThat(error.errorCode()).isEqualTo("invalid_grant"))
			.withMessageContaining("already used");
		assertInvalidGrant(this.families.rotate(rotation.next().value(), CLIENT));
		assertThat(this.families.find(rotation.next().value()).blockOptional()).isEmpty();
		assertThat(template.hasKey("writ:rt:family:" + first.familyId()).block()).isFalse();
	}

	@Test
	void rotateWhenSameTokenTwiceAtOnceThenOneWinsAndFamilyDies() {
		IssuedRefreshToken first = start();
		List<Object> outcomes = Flux
			.merge(this.families.rotate(first.value(), CLIENT).cast(Object.class).onErrorResume(Mono::just),
					this.families.rotate(first.value(), CLIENT).cast(Object.class).onErrorResume(Mono::just))
			.collectList()
			.block();
		assertThat(outcomes).hasSize(2);
		assertThat(outcomes).filteredOn(RefreshTokenRotation.class::isInstance).hasSize(1);
		assertThat(outcomes).filteredOn(OAuth2Exception.class::isInstance).hasSize(1);
		RefreshTokenRotation winner = (RefreshTokenRotation) outcomes.stream()
			.filter(RefreshTokenRotation.class::isInstance)
			.findFirst()
			.orElseThrow();
		// strict rotation: no grace period, so the winner's token died with the family
		assertInvalidGrant(this.families.rotate(winner.next().value(), CLIENT));
	}

	@Test
	void rotateWhenIdleLifetimeAlmostOverThenRotates() {
		IssuedRefreshToken token = start();
		this.clock.advance(POLICY.idleTimeToLive().minusMillis(1));
		assertThat(rotate(token.value()).next().familyId()).isEqualTo(token.familyId());
	}

	@Test
	void rotateWhenIdleLifetimeOverThenInvalidGrantAndFamilyGone() {
		IssuedRefreshToken token = start();
		this.clock.advance(POLICY.idleTimeToLive());
		assertInvalidGrant(this.families.rotate(token.value(), CLIENT));
		assertThat(this.families.bindAccessToken(token.familyId(), "jti-late", this.clock.instant().plusSeconds(60))
			.block()).isFalse();
		assertThat(template.hasKey("writ:rt:family:" + token.familyId()).block()).isFalse();
	}

	@Test
	void rotateWhenAbsoluteLifetimeOverThenInvalidGrantThoughRotatedWithinIdleLifetime() {
		RefreshTokenPolicy policy = new RefreshTokenPolicy(Duration.ofHours(1), Duration.ofMinutes(150));
		Instant started = this.clock.instant();
		IssuedRefreshToken token = this.families.start(grant(this.user), policy).block();
		this.clock.advance(Duration.ofMinutes(59));
		token = rotate(token.value()).next();
		this.clock.advance(Duration.ofMinutes(59));
		token = rotate(token.value()).next();
		assertThat(token.expiresAt()).isEqualTo(started.plus(policy.absoluteTimeToLive()));
		this.clock.advance(Duration.ofMinutes(32));
		assertInvalidGrant(this.families.rotate(token.value(), CLIENT));
	}

	@Test
	void findWhenCurrentTokenThenGrantFamilyAndExpiry() {
		IssuedRefreshToken token = start();
		assertThat(this.families.find(token.value()).block())
			.isEqualTo(new ActiveRefreshToken(grant(this.user), token.familyId(), token.expiresAt()));
	}

	@Test
	void findWhenUsedUnknownOrExpiredTokenThenEmpty() {
		IssuedRefreshToken used = start();
		IssuedRefreshToken current = rotate(used.value()).next();
		assertThat(this.families.find(used.value()).blockOptional()).isEmpty();
		assertThat(this.families.find(RefreshTokenValues.newValue()).blockOptional()).isEmpty();
		assertThat(this.families.find("not-a-token").blockOptional()).isEmpty();
		this.clock.advance(POLICY.idleTimeToLive());
		assertThat(this.families.find(current.value()).blockOptional()).isEmpty();
	}

	@Test
	void findWhenTokenFoundThenNothingConsumed() {
		IssuedRefreshToken token = start();
		this.families.find(token.value()).block();
		assertThat(rotate(token.value()).next().familyId()).isEqualTo(token.familyId());
	}

	@Test
	void rotateWhenRedisUnreachableThenConnectionFailureNotAnOAuthError() {
		try (RefreshTokenTestRedis nowhere = RefreshTokenTestRedis.connect("127.0.0.1", FreePorts.find(), false)) {
			RedisRefreshTokenFamilies unreachable = new RedisRefreshTokenFamilies(nowhere.template(), this.clock,
					this.events);
			assertThatExceptionOfType(RedisConnectionFailureException.class)
				.isThrownBy(() -> unreachable.rotate(RefreshTokenValues.newValue(), CLIENT).block());
			assertThatExceptionOfType(RedisConnectionFailureException.class)
				.isThrownBy(() -> unreachable.start(grant(this.user), POLICY).block());
		}
	}

}
