package dev.writ.server.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

import dev.writ.server.protocol.OAuth2Exception;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

import static dev.writ.server.token.RefreshTokenTestRedis.CLIENT;
import static dev.writ.server.token.RefreshTokenTestRedis.OTHER_CLIENT;
import static dev.writ.server.token.RefreshTokenTestRedis.POLICY;
import static dev.writ.server.token.RefreshTokenTestRedis.grant;
import static dev.writ.server.token.RefreshTokenTestRedis.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How a family dies (reuse, RFC 7009 revocation, sign-out everywhere) and what its death
 * writes to the revocation list, on the real devstack Redis.
 */
class RedisRefreshTokenFamiliesRevocationTests extends RedisRefreshTokenFamiliesFixture {

	private IssuedRefreshToken start(String user) {
		return this.families.start(grant(user), POLICY).block();
	}

	private boolean bind(IssuedRefreshToken token, String jti, Duration lifetime) {
		return this.families.bindAccessToken(token.familyId(), jti, this.clock.instant().plus(lifetime)).block();
	}

	private static String jti() {
		return "jti-" + RefreshTokenValues.newFamilyId();
	}

	private static boolean revoked(String jti) {
		return template.hasKey(RevocationList.KEY_PREFIX + jti).block();
	}

	private boolean usable(IssuedRefreshToken token) {
		return this.families.find(token.value()).blockOptional().isPresent();
	}

	@Test
	void rotateWhenUsedTokenThenLiveAccessTokensListedAndPublished() {
		IssuedRefreshToken first = start(this.user);
		String early = jti();
		String late = jti();
		String expired = jti();
		assertThat(bind(first, early, Duration.ofMinutes(5))).isTrue();
		assertThat(bind(first, expired, Duration.ofMinutes(1))).isTrue();
		this.clock.advance(Duration.ofMinutes(2));
		IssuedRefreshToken second = this.families.rotate(first.value(), CLIENT).block().next();
		assertThat(bind(second, late, Duration.ofMinutes(5))).isTrue();
		Instant lateExpiry = this.clock.instant().plus(Duration.ofMinutes(5));
		Set<String> expected = Set.of(message(early, this.clock.instant().plus(Duration.ofMinutes(3))),
				message(late, lateExpiry));
		ReactiveRedisMessageListenerContainer listener = new ReactiveRedisMessageListenerContainer(redis.connections());
		try {
			// receiveLater completes once SUBSCRIBE is acknowledged, so no message slips
			// past
			Flux<String> messages = listener.receiveLater(ChannelTopic.of(RevocationList.CHANNEL))
				.block()
				.map((message) -> message.getMessage());
			StepVerifier.create(messages.filter(expected::contains).take(2).collect(Collectors.toSet()))
				.then(() -> assertThatExceptionOfType(OAuth2Exception.class)
					.isThrownBy(() -> this.families.rotate(first.value(), CLIENT).block()))
				.expectNext(expected)
				.expectComplete()
				.verify(Duration.ofSeconds(5));
		}
		finally {
			listener.destroy();
		}
		assertThat(template.opsForValue().get(RevocationList.KEY_PREFIX + late).block())
			.isEqualTo(Long.toString(lateExpiry.getEpochSecond()));
		// Redis counts in real time, which this test's clock is ahead of; Redis rounds
		// the
		// TTL it reports, so the upper bound allows a second
		Duration remaining = Duration.between(Instant.now(), lateExpiry);
		assertThat(template.getExpire(RevocationList.KEY_PREFIX + late).block()).isBetween(remaining.minusSeconds(5),
				remaining.plusSeconds(1));
		assertThat(revoked(early)).isTrue();
		assertThat(revoked(expired)).isFalse();
		assertThat(usable(second)).isFalse();
		assertThat(bind(second, jti(), Duration.ofMinutes(5))).isFalse();
	}

	private static String message(String jti, Instant expiresAt) {
		return "{\"jti\":\"" + jti + "\",\"exp\":" + expiresAt.getEpochSecond() + "}";
	}

	@Test
	void revokeWhenOwnTokenThenFamilyAndAccessTokensRevoked() {
		IssuedRefreshToken token = start(this.user);
		String jti = jti();
		bind(token, jti, Duration.ofMinutes(5));
		this.families.revoke(token.value(), CLIENT).block();
		assertThat(revoked(jti)).isTrue();
		assertThat(usable(token)).isFalse();
		assertThatExceptionOfType(OAuth2Exception.class)
			.isThrownBy(() -> this.families.rotate(token.value(), CLIENT).block());
	}

	@Test
	void revokeWhenUsedTokenThenFamilyRevoked() {
		IssuedRefreshToken used = start(this.user);
		IssuedRefreshToken current = this.families.rotate(used.value(), CLIENT).block().next();
		this.families.revoke(used.value(), CLIENT).block();
		assertThat(usable(current)).isFalse();
	}

	@Test
	void revokeWhenUnknownTokenThenCompletesEmpty() {
		StepVerifier.create(this.families.revoke(RefreshTokenValues.newValue(), CLIENT)).verifyComplete();
		StepVerifier.create(this.families.revoke("not-a-token", CLIENT)).verifyComplete();
	}

	@Test
	void revokeWhenTokenOfAnotherClientThenUnauthorizedClientAndTokenStillUsable() {
		IssuedRefreshToken token = start(this.user);
		String jti = jti();
		bind(token, jti, Duration.ofMinutes(5));
		assertThatExceptionOfType(OAuth2Exception.class)
			.isThrownBy(() -> this.families.revoke(token.value(), OTHER_CLIENT).block())
			.satisfies((error) -> assertThat(error.errorCode()).isEqualTo("unauthorized_client"));
		assertThat(revoked(jti)).isFalse();
		assertThat(this.families.rotate(token.value(), CLIENT).block().next().familyId()).isEqualTo(token.familyId());
	}

	@Test
	void revokeFamilyWhenLiveThenTokensAndAccessTokensDead() {
		IssuedRefreshToken token = start(this.user);
		String jti = jti();
		bind(token, jti, Duration.ofMinutes(5));
		this.families.revokeFamily(token.familyId()).block();
		assertThat(revoked(jti)).isTrue();
		assertThat(usable(token)).isFalse();
		assertThat(bind(token, jti(), Duration.ofMinutes(5))).isFalse();
		StepVerifier.create(this.families.revokeFamily(token.familyId())).verifyComplete();
	}

	@Test
	void revokeAllForUserWhenSeveralFamiliesThenAllDieAndOtherUsersKept() {
		IssuedRefreshToken laptop = start(this.user);
		IssuedRefreshToken phone = start(this.user);
		IssuedRefreshToken revokedAlready = start(this.user);
		this.families.revokeFamily(revokedAlready.familyId()).block();
		String otherUser = newUser();
		IssuedRefreshToken someoneElse = start(otherUser);
		String laptopJti = jti();
		String phoneJti = jti();
		String otherJti = jti();
		bind(laptop, laptopJti, Duration.ofMinutes(5));
		bind(phone, phoneJti, Duration.ofMinutes(5));
		bind(someoneElse, otherJti, Duration.ofMinutes(5));
		assertThat(this.families.revokeAllForUser(this.user).block()).isEqualTo(2L);
		assertThat(usable(laptop)).isFalse();
		assertThat(usable(phone)).isFalse();
		assertThat(revoked(laptopJti)).isTrue();
		assertThat(revoked(phoneJti)).isTrue();
		assertThat(usable(someoneElse)).isTrue();
		assertThat(revoked(otherJti)).isFalse();
		assertThat(template.hasKey("writ:rt:user:" + this.user).block()).isFalse();
		assertThat(this.families.revokeAllForUser(this.user).block()).isZero();
	}

	@Test
	void revokeAllForUserWhenFamilyOutlivedByItsAccessTokenThenAccessTokenStillRevoked() {
		RefreshTokenPolicy shortFamily = new RefreshTokenPolicy(Duration.ofMinutes(1), Duration.ofMinutes(1));
		IssuedRefreshToken token = this.families.start(grant(this.user), shortFamily).block();
		String jti = jti();
		bind(token, jti, Duration.ofMinutes(5));
		this.clock.advance(Duration.ofMinutes(2));
		// as Redis does at the family's absolute expiry; an access token it minted lives
		// on
		template.delete("writ:rt:family:" + token.familyId()).block();
		assertThat(this.families.revokeAllForUser(this.user).block()).isZero();
		assertThat(revoked(jti)).isTrue();
	}

	@Test
	void revokeAllForClientWhenFamiliesOfSeveralUsersThenAllDieAndOtherClientsKept() {
		String client = "client-" + RefreshTokenValues.newFamilyId();
		IssuedRefreshToken mine = this.families.start(grantFor(this.user, client), POLICY).block();
		IssuedRefreshToken someoneElses = this.families.start(grantFor(newUser(), client), POLICY).block();
		IssuedRefreshToken otherClients = this.families.start(grantFor(this.user, "client-" + jti()), POLICY).block();
		String mineJti = jti();
		String someoneElsesJti = jti();
		String otherClientsJti = jti();
		bind(mine, mineJti, Duration.ofMinutes(5));
		bind(someoneElses, someoneElsesJti, Duration.ofMinutes(5));
		bind(otherClients, otherClientsJti, Duration.ofMinutes(5));
		assertThat(this.families.revokeAllForClient(client).block()).isEqualTo(2L);
		assertThat(usable(mine)).isFalse();
		assertThat(usable(someoneElses)).isFalse();
		assertThat(revoked(mineJti)).isTrue();
		assertThat(revoked(someoneElsesJti)).isTrue();
		assertThat(usable(otherClients)).isTrue();
		assertThat(revoked(otherClientsJti)).isFalse();
		assertThat(template.hasKey("writ:rt:client:" + client).block()).isFalse();
		assertThat(this.families.revokeAllForClient(client).block()).isZero();
	}

	@Test
	void revokeAllForUserWhenFamilyDiesThenItLeavesTheClientIndexToo() {
		String client = "client-" + RefreshTokenValues.newFamilyId();
		IssuedRefreshToken token = this.families.start(grantFor(this.user, client), POLICY).block();
		assertThat(template.opsForZSet().size("writ:rt:client:" + client).block()).isEqualTo(1L);
		this.families.revokeAllForUser(this.user).block();
		assertThat(template.opsForZSet().size("writ:rt:client:" + client).block()).isZero();
		assertThat(usable(token)).isFalse();
	}

	private static RefreshGrant grantFor(String user, String client) {
		RefreshGrant grant = grant(user);
		return new RefreshGrant(user, client, grant.scope(), grant.sessionId(), grant.authTime(), grant.audiences(),
				grant.organization(), grant.amr());
	}

}
