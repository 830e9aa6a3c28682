package dev.writ.server.token;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.writ.server.event.Actor;
import dev.writ.server.event.DomainEventTypes;
import dev.writ.server.event.DomainEvents;
import dev.writ.server.event.Target;
import dev.writ.server.protocol.OAuth2Exception;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * {@link RefreshTokenFamilies} in Redis, each operation one Lua script (see
 * {@link RefreshFamilyScripts} for the keys).
 *
 * <p>
 * Rotation is strict, without the grace period some servers allow for a client that sends
 * the same token twice at once (after a timeout, or from two tabs): a second use cannot
 * be told apart from a thief's, and accepting it for a few seconds would leave a window
 * in which a stolen token works. RFC 9700 §4.14.2 asks that reuse invalidate the family;
 * a client that races itself loses its family and signs in again, which is safe and rare.
 *
 * <p>
 * A reuse is published as {@link DomainEventTypes#REFRESH_REUSE_DETECTED} from here, the
 * one place that knows it happened and which family and organization it hit (the grant
 * sees only an {@code invalid_grant}, which an unknown or expired token also gives). The
 * family is revoked before the event is published; if publishing fails, the request fails
 * with that error (503 when PostgreSQL is unreachable) instead of {@code invalid_grant},
 * and the warning logged here is the only trace.
 */
@Component
final class RedisRefreshTokenFamilies implements RefreshTokenFamilies {

	private static final Logger logger = LoggerFactory.getLogger(RedisRefreshTokenFamilies.class);

	private static final String TOKEN_KEY_PREFIX = "writ:rt:token:";

	private static final String FAMILY_KEY_PREFIX = "writ:rt:family:";

	private static final String USER_KEY_PREFIX = "writ:rt:user:";

	private static final String CLIENT_KEY_PREFIX = "writ:rt:client:";

	/**
	 * One answer for every token the client may not use, so that the error does not tell
	 * a client whether another client's token exists.
	 */
	private static final String INVALID = "the refresh token is invalid, expired or was issued to another client";

	private final ReactiveStringRedisTemplate redis;

	private final Clock clock;

	private final DomainEvents events;

	RedisRefreshTokenFamilies(ReactiveStringRedisTemplate redis, Clock clock, DomainEvents events) {
		this.redis = redis;
		this.clock = clock;
		this.events = events;
	}

	@Override
	public Mono<IssuedRefreshToken> start(RefreshGrant grant, RefreshTokenPolicy policy) {
		return Mono.defer(() -> {
			Instant now = now();
			String value = RefreshTokenValues.newValue();
			String hash = RefreshTokenValues.hash(value);
			String familyId = RefreshTokenValues.newFamilyId();
			List<String> arguments = new ArrayList<>(List.of(RefreshFamilyFields.millis(now), familyId,
					RefreshFamilyFields.millis(now.plus(policy.absoluteTimeToLive()))));
			arguments.addAll(RefreshFamilyFields.of(grant, policy, hash, now));
			return this.redis
				.execute(RefreshFamilyScripts.START,
						List.of(TOKEN_KEY_PREFIX + hash, FAMILY_KEY_PREFIX + familyId, USER_KEY_PREFIX + grant.userId(),
								CLIENT_KEY_PREFIX + grant.clientId()),
						arguments)
				.then(Mono.just(new IssuedRefreshToken(value, familyId, now.plus(policy.idleTimeToLive()))));
		});
	}

	@Override
	public Mono<RefreshTokenRotation> rotate(String presentedToken, String clientId) {
		if (!RefreshTokenValues.isWellFormed(presentedToken)) {
			return Mono.error(OAuth2Exception.invalidGrant(INVALID));
		}
		return Mono.defer(() -> {
			String presentedHash = RefreshTokenValues.hash(presentedToken);
			String value = RefreshTokenValues.newValue();
			String hash = RefreshTokenValues.hash(value);
			return this.redis
				.execute(RefreshFamilyScripts.ROTATE,
						List.of(TOKEN_KEY_PREFIX + presentedHash, TOKEN_KEY_PREFIX + hash),
						List.of(clientId, RefreshFamilyFields.millis(now()), presentedHash, hash))
				.next()
				.flatMap((reply) -> rotated(reply, value, clientId));
		});
	}

	private Mono<RefreshTokenRotation> rotated(List<?> reply, String value, String clientId) {
		String outcome = (String) reply.get(0);
		if ("rotated".equals(outcome)) {
			Map<String, String> fields = RefreshFamilyFields.read(reply, 2);
			IssuedRefreshToken next = new IssuedRefreshToken(value, (String) reply.get(1),
					RefreshFamilyFields.currentExpiry(fields));
			return Mono.just(new RefreshTokenRotation(next, RefreshFamilyFields.grant(fields)));
		}
		if ("reused".equals(outcome)) {
			// RFC 9700 §4.14.2: either the client or an attacker holds a stolen token;
			// the family is already revoked.
			logger.warn("Refresh token reuse by client '{}': family {} revoked with its access tokens", clientId,
					reply.get(1));
			return reuseDetected(reply, clientId).then(Mono.error(OAuth2Exception.invalidGrant(
					"the refresh token was already used; its grant is revoked, the user must sign in again")));
		}
		return Mono.error(OAuth2Exception.invalidGrant(INVALID));
	}

	/**
	 * The event for a reuse: the client that presented the token did it, to the family,
	 * in the organization the family's tokens were for (so that its admins see it), from
	 * the address of the request being served.
	 */
	private Mono<Void> reuseDetected(List<?> reply, String clientId) {
		String organization = (String) reply.get(3);
		return this.events.publish(DomainEventTypes.REFRESH_REUSE_DETECTED,
				organization.isEmpty() ? null : organization, Actor.client(clientId),
				new Target(Target.REFRESH_TOKEN_FAMILY, (String) reply.get(1)), Map.of("user_id", reply.get(2)));
	}

	@Override
	public Mono<Boolean> bindAccessToken(String familyId, String jti, Instant expiresAt) {
		String familyKey = FAMILY_KEY_PREFIX + familyId;
		return Mono.defer(() -> this.redis
			.execute(RefreshFamilyScripts.BIND, List.of(familyKey, familyKey + ":at"),
					List.of(RefreshFamilyFields.millis(now()), jti, RefreshFamilyFields.millis(expiresAt), familyId))
			.next()
			.map((bound) -> bound == 1L));
	}

	@Override
	public Mono<Void> revoke(String presentedToken, String clientId) {
		if (!RefreshTokenValues.isWellFormed(presentedToken)) {
			return Mono.empty();
		}
		return Mono.defer(() -> this.redis
			.execute(RefreshFamilyScripts.REVOKE, List.of(TOKEN_KEY_PREFIX + RefreshTokenValues.hash(presentedToken)),
					List.of(clientId, RefreshFamilyFields.millis(now())))
			.next()
			.flatMap((outcome) -> "other_client".equals(outcome)
					? Mono.error(OAuth2Exception.unauthorizedClient("the token was issued to another client"))
					: Mono.empty()));
	}

	@Override
	public Mono<Void> revokeFamily(String familyId) {
		return Mono.defer(
				() -> this.redis
					.execute(RefreshFamilyScripts.REVOKE_FAMILY, List.of(),
							List.of(familyId, RefreshFamilyFields.millis(now())))
					.then());
	}

	@Override
	public Mono<Long> revokeAllForUser(String userId) {
		return Mono.defer(
				() -> this.redis
					.execute(RefreshFamilyScripts.REVOKE_ALL, List.of(USER_KEY_PREFIX + userId),
							List.of(RefreshFamilyFields.millis(now())))
					.next());
	}

	@Override
	public Mono<Long> revokeAllForClient(String clientId) {
		return Mono.defer(
				() -> this.redis
					.execute(RefreshFamilyScripts.REVOKE_ALL, List.of(CLIENT_KEY_PREFIX + clientId),
							List.of(RefreshFamilyFields.millis(now())))
					.next());
	}

	@Override
	public Mono<Long> revokeForUserInOrganization(String userId, String organizationId) {
		return Mono.defer(
				() -> this.redis
					.execute(RefreshFamilyScripts.REVOKE_IN_ORGANIZATION, List.of(USER_KEY_PREFIX + userId),
							List.of(RefreshFamilyFields.millis(now()), organizationId))
					.next());
	}

	@Override
	public Mono<ActiveRefreshToken> find(String presentedToken) {
		if (!RefreshTokenValues.isWellFormed(presentedToken)) {
			return Mono.empty();
		}
		return Mono.defer(() -> {
			String hash = RefreshTokenValues.hash(presentedToken);
			return this.redis
				.execute(RefreshFamilyScripts.FIND, List.of(TOKEN_KEY_PREFIX + hash),
						List.of(hash, RefreshFamilyFields.millis(now())))
				.next()
				.filter((reply) -> !reply.isEmpty())
				.map((reply) -> {
					Map<String, String> fields = RefreshFamilyFields.read(reply, 1);
					return new ActiveRefreshToken(RefreshFamilyFields.grant(fields), (String) reply.get(0),
							RefreshFamilyFields.currentExpiry(fields));
				});
		});
	}

	/** Milliseconds are the precision every stored time has. */
	private Instant now() {
		return Instant.ofEpochMilli(this.clock.millis());
	}

}
