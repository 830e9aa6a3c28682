package dev.writ.server.token;

import java.time.Instant;

import dev.writ.server.oauth2.Scope;

/**
 * A signed access token and what the token response needs to say about it.
 *
 * @param value the compact JWS
 * @param tokenId the {@code jti} claim
 * @param issuedAt the {@code iat} claim
 * @param expiresAt the {@code exp} claim
 * @param scope the granted scope
 */
public record IssuedAccessToken(String value, String tokenId, Instant issuedAt, Instant expiresAt, Scope scope) {

}
