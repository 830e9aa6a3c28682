package dev.writ.server.token;

import java.time.Instant;

import reactor.core.publisher.Mono;

/**
 * Refresh tokens, grouped in families: a family starts with the token a grant issues, and
 * every use of its current token rotates it, so a family has exactly one usable token at
 * a time.
 *
 * <p>
 * Contract (RFC 9700 §4.14.2):
 * <ul>
 * <li>tokens are opaque, and only their hashes are stored;</li>
 * <li>rotation is strict: presenting a token that was already used, even by a request
 * running at the same moment, is taken as theft and revokes the whole family, including
 * the live access tokens bound to it, which go on the {@link RevocationList};</li>
 * <li>a family dies as a unit, in one atomic step, so no other request sees it half
 * revoked;</li>
 * <li>a token issued to one client is refused to every other client and stays usable by
 * its own;</li>
 * <li>a token expires when unused for the policy's idle lifetime, and no token outlives
 * the family's absolute lifetime.</li>
 * </ul>
 * An unreachable store errors with the store's exception, never with an OAuth error: the
 * caller must answer 503, not tell a client its token is invalid.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2">RFC 9700
 * §4.14.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-6">RFC 6749 §6</a>
 */
public interface RefreshTokenFamilies {

	/** What every refresh token starts with, so that secret scanners recognise one. */
	String PREFIX = "writ_rt_";

	/** Whether {@code token} is a refresh token rather than an access token. */
	static boolean isRefreshToken(String token) {
		return token.startsWith(PREFIX);
	}

	/** Starts a family and issues its first token. */
	Mono<IssuedRefreshToken> start(RefreshGrant grant, RefreshTokenPolicy policy);

	/**
	 * Atomically replaces the presented token with a new one (RFC 6749 §6). Errors with
	 * {@code OAuth2Exception.invalidGrant} when the token is unknown, expired, issued to
	 * another client (it is not consumed then), or already used (then the whole family is
	 * revoked, including its live access tokens, and
	 * {@code dev.writ.server.event.DomainEventTypes#REFRESH_REUSE_DETECTED} is published,
	 * before the error; a failure to publish is the error then).
	 */
	Mono<RefreshTokenRotation> rotate(String presentedToken, String clientId);

	/**
	 * Records a live access token minted from the family, so that revoking the family
	 * revokes it. Completes {@code false} if the family is no longer alive: the caller
	 * must then revoke that access token itself and fail.
	 */
	Mono<Boolean> bindAccessToken(String familyId, String jti, Instant expiresAt);

	/**
	 * RFC 7009 §2.1 for refresh tokens: revokes the token's family, including its live
	 * access tokens. Completes empty for an unknown token; errors with
	 * {@code OAuth2Exception.unauthorizedClient} if the token was issued to another
	 * client.
	 */
	Mono<Void> revoke(String presentedToken, String clientId);

	/** Revokes a family, including its live access tokens; nothing if it is gone. */
	Mono<Void> revokeFamily(String familyId);

	/**
	 * Sign out everywhere: revokes every family of the user, including their live access
	 * tokens; completes with how many live families died.
	 */
	Mono<Long> revokeAllForUser(String userId);

	/**
	 * The client was deleted: every family issued to it dies, including their live access
	 * tokens; completes with how many live families died.
	 */
	Mono<Long> revokeAllForClient(String clientId);

	/**
	 * A membership changed or ended: every family of the user that speaks for the
	 * organization dies, with its live access tokens; answers how many live ones died.
	 */
	Mono<Long> revokeForUserInOrganization(String userId, String organizationId);

	/**
	 * For introspection (RFC 7662): the family's grant and the token's expiry if the
	 * token is its family's current one and is live; empty otherwise.
	 */
	Mono<ActiveRefreshToken> find(String presentedToken);

}
