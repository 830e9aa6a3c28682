package dev.writ.server.token;

import java.time.Instant;

import reactor.core.publisher.Mono;

/**
 * Access tokens revoked before they expire, by {@code jti}.
 *
 * <p>
 * Contract: an entry lives exactly as long as the token it names would have, so the list
 * never outgrows the set of live tokens; {@link #revoke} also tells every resource server
 * listening on {@link #CHANNEL}, so they refuse the token without asking; revoking twice
 * is harmless.
 */
public interface RevocationList {

	/**
	 * The Redis key prefix of an entry; the value is the token's {@code exp} in epoch
	 * seconds.
	 */
	String KEY_PREFIX = "writ:revoked:at:";

	/**
	 * The pub/sub channel; each message is {@code {"jti":"...","exp":<epoch seconds>}}.
	 */
	String CHANNEL = "writ:revocations";

	Mono<Void> revoke(String tokenId, Instant expiresAt);

	Mono<Boolean> isRevoked(String tokenId);

}
