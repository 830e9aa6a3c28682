package dev.writ.server.token;

import java.time.Instant;

import org.springframework.lang.Nullable;

import reactor.core.publisher.Mono;

/**
 * The live access tokens issued to each user, so that a change to the user (a role
 * changed, a membership ended, the account disabled, "sign out everywhere") can put them
 * on the {@link RevocationList} at once, whether or not a refresh-token family holds
 * them.
 *
 * <p>
 * Contract: an entry lives no longer than its token; revoking writes each entry to the
 * revocation list and publishes it, exactly as {@link RevocationList#revoke} does, in one
 * atomic step; revoking twice is harmless.
 */
public interface UserAccessTokens {

	/**
	 * Notes a token just issued to {@code userId}, speaking for {@code organizationId}.
	 */
	Mono<Void> add(String userId, @Nullable String organizationId, String tokenId, Instant expiresAt);

	/**
	 * Revokes the user's live tokens that speak for the organization; answers how many.
	 */
	Mono<Long> revokeInOrganization(String userId, String organizationId);

	/** Revokes every live token of the user; answers how many. */
	Mono<Long> revokeAll(String userId);

}
