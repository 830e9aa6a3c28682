package dev.writ.server.oauth2.authorization;

import java.time.Instant;

import org.springframework.lang.Nullable;

import reactor.core.publisher.Mono;

/**
 * Where authorization codes live between the authorization response and the token request
 * (RFC 6749 §4.1.2).
 *
 * <p>
 * Contract: only a hash of a code is stored; a code can be redeemed once, atomically,
 * across every node, and only by the client it was issued to (a redemption by another
 * client does not consume it); a redeemed code is remembered for a while so that a replay
 * is told apart from an unknown code and the tokens it gave can be revoked.
 */
public interface AuthorizationCodes {

	/** Stores {@code authorization} and answers the code that stands for it. */
	Mono<String> issue(CodeAuthorization authorization);

	Mono<CodeRedemption> redeem(String code, String clientId);

	/**
	 * Records what a redemption issued, for the revocation a replay calls for; completes
	 * {@code false} when the code was replayed in the meantime, in which case the caller
	 * revokes what it issued.
	 */
	Mono<Boolean> recordIssued(String code, @Nullable String refreshTokenFamily, String accessTokenId,
			Instant accessTokenExpiresAt);

}
