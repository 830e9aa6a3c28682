package dev.writ.server.token;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.writ.server.event.Actor;
import dev.writ.server.event.ClientAddress;
import dev.writ.server.event.DomainEvent;
import dev.writ.server.event.DomainEventTypes;
import dev.writ.server.event.DomainEvents;
import dev.writ.server.event.Target;
import dev.writ.server.protocol.OAuth2Exception;
import dev.writ.server.protocol.Scope;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static dev.writ.server.token.RefreshTokenTestRedis.CLIENT;
import static dev.writ.server.token.RefreshTokenTestRedis.OTHER_CLIENT;
import static dev.writ.server.token.RefreshTokenTestRedis.POLICY;
import static dev.writ.server.token.RefreshTokenTestRedis.grant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What {@link RedisRefreshTokenFamilies} publishes: a reuse, and nothing else, on the
 * real devstack Redis.
 */
class RedisRefreshTokenFamiliesEventTests extends RedisRefreshTokenFamiliesFixture {

	private IssuedRefreshToken start() {
		return this.families.start(grant(this.user), POLICY).block();
	}

	private static void assertInvalidGrant(Mono<?> attempt) {
		assertThatExceptionOfType(OAuth2Exception.class).isThrownBy(attempt::block)
			.satisfies((error) -> assertThat(error.errorCode()).isEqualTo("invalid_grant"));
	}

	@Test
	void rotateWhenUsedTokenThenReuseDetectedNamesClientFamilyOrganizationAndUser() {
		IssuedRefreshToken first = start();
		this.families.rotate(first.value(), CLIENT).block();
		this.clock.advance(Duration.ofMinutes(1));
		assertInvalidGrant(this.families.rotate(first.value(), CLIENT));
		assertThat(this.published).containsExactly(new DomainEvent(DomainEventTypes.REFRESH_REUSE_DETECTED, "acme",
				Actor.client(CLIENT), new Target(Target.REFRESH_TOKEN_FAMILY, first.familyId()), null,
				this.clock.instant(), Map.of("user_id", this.user)));
	}

	@Test
	void rotateWhenUsedTokenDuringARequestThenEventCarriesItsClientAddress() {
		IssuedRefreshToken first = start();
		this.families.rotate(first.value(), CLIENT).block();
		assertInvalidGrant(this.families.rotate(first.value(), CLIENT)
			.contextWrite((context) -> ClientAddress.put(context, "203.0.113.7")));
		assertThat(this.published).singleElement()
			.satisfies((event) -> assertThat(event.ipAddress()).isEqualTo("203.0.113.7"));
	}

	@Test
	void rotateWhenUsedTokenOfGrantWithoutOrganizationThenEventHasNoOrganization() {
		RefreshGrant bare = new RefreshGrant(this.user, CLIENT, Scope.EMPTY, null,
				Instant.parse("2030-01-01T00:00:00Z"), List.of(), null, List.of());
		IssuedRefreshToken first = this.families.start(bare, POLICY).block();
		this.families.rotate(first.value(), CLIENT).block();
		assertInvalidGrant(this.families.rotate(first.value(), CLIENT));
		assertThat(this.published).singleElement().satisfies((event) -> {
			assertThat(event.organizationId()).isNull();
			assertThat(event.details()).containsEntry("user_id", this.user);
		});
	}

	@Test
	void rotateWhenCurrentUnknownExpiredOrOtherClientsTokenThenNothingPublished() {
		IssuedRefreshToken token = start();
		this.families.rotate(token.value(), CLIENT).block();
		assertInvalidGrant(this.families.rotate(RefreshTokenValues.newValue(), CLIENT));
		IssuedRefreshToken other = start();
		assertInvalidGrant(this.families.rotate(other.value(), OTHER_CLIENT));
		this.clock.advance(POLICY.idleTimeToLive().plusMinutes(1));
		assertInvalidGrant(this.families.rotate(other.value(), CLIENT));
		assertThat(this.published).isEmpty();
	}

	@Test
	void rotateWhenUsedTokenAndPublishingFailsThenThatErrorAndFamilyRevokedAnyway() {
		IllegalStateException failure = new IllegalStateException("audit log unavailable");
		RedisRefreshTokenFamilies failing = new RedisRefreshTokenFamilies(template, this.clock,
				new DomainEvents(List.of((event) -> Mono.error(failure)), this.clock));
		IssuedRefreshToken first = failing.start(grant(this.user), POLICY).block();
		IssuedRefreshToken second = failing.rotate(first.value(), CLIENT).block().next();
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> failing.rotate(first.value(), CLIENT).block())
			.isSameAs(failure);
		assertThat(failing.find(second.value()).blockOptional()).isEmpty();
		assertInvalidGrant(failing.rotate(second.value(), CLIENT));
	}

}
