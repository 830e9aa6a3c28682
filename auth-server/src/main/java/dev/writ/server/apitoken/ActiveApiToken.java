package dev.writ.server.apitoken;

import java.time.Instant;

import dev.writ.server.protocol.Scope;
import org.jspecify.annotations.Nullable;

/**
 * An API token as introspection describes it (RFC 7662 §2.2), in the claims of the token
 * contract so that a resource server treats it like an access token.
 *
 * @param id the token's public handle: the {@code jti} and {@code client_id}, and the
 * name its revocation is announced under
 * @param organizationId the {@code org} claim
 * @param subject the owner's user id, or the token's id for an organization-owned token
 * @param role the owner's current role in the organization (re-read at every
 * introspection, like an access token's), or {@code null} for an organization-owned
 * token, which acts with its scopes only
 * @param scope the granted scopes the owner's current role still permits
 * @param issuedAt when the token was created
 * @param expiresAt when it stops working
 */
public record ActiveApiToken(String id, String organizationId, String subject, @Nullable String role, Scope scope,
		Instant issuedAt, Instant expiresAt) {

}
