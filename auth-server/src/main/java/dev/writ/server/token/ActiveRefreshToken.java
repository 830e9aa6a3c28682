package dev.writ.server.token;

import java.time.Instant;

/**
 * What introspection (RFC 7662 §2.2) may say about a refresh token that is current and
 * live.
 *
 * @param grant the family's grant
 * @param familyId the token's family
 * @param expiresAt when the token expires unless rotated
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7662#section-2.2">RFC 7662 §2.2</a>
 */
public record ActiveRefreshToken(RefreshGrant grant, String familyId, Instant expiresAt) {

}
