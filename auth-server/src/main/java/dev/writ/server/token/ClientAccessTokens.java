package dev.writ.server.token;

import java.time.Instant;

import reactor.core.publisher.Mono;

/**
 * The live access tokens issued to each client, whatever the grant (its own
 * client_credentials tokens and its users' tokens alike), so that deleting the client can
 * put them all on the {@link RevocationList} at once: a deleted client's self-contained
 * tokens would otherwise be honoured until they expire.
 *
 * <p>
 * Contract: an entry lives no longer than its token; revoking writes each entry to the
 * revocation list and publishes it, exactly as {@link RevocationList#revoke} does, in one
 * atomic step; revoking twice is harmless.
 */
public interface ClientAccessTokens {

	/** Notes a token just issued to {@code clientId}. */
	Mono<Void> add(String clientId, String tokenId, Instant expiresAt);

	/** Revokes every live token issued to the client; answers how many. */
	Mono<Long> revokeAll(String clientId);

}
