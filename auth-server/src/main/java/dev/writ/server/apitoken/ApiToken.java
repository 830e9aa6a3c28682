package dev.writ.server.apitoken;

import java.time.Instant;

import dev.writ.server.protocol.Scope;
import org.jspecify.annotations.Nullable;

/**
 * What is known about an API token, without its secret: a row of the list an
 * organization's administrators see.
 *
 * @param id the public handle ({@code pat_...}), also the {@code jti} resource servers
 * see
 * @param organizationId the organization the token acts in
 * @param ownerUserId the user the token acts for, or {@code null} for a token the
 * organization owns
 * @param createdBy the user who created it
 * @param name what the creator called it
 * @param scope what it may do
 * @param createdAt when it was created
 * @param expiresAt when it stops working
 * @param revokedAt when it was revoked, or {@code null}
 * @param lastUsedAt when a resource server last introspected it, as last flushed, or
 * {@code null}
 */
public record ApiToken(String id, String organizationId, @Nullable String ownerUserId, String createdBy, String name,
		Scope scope, Instant createdAt, Instant expiresAt, @Nullable Instant revokedAt, @Nullable Instant lastUsedAt) {

	/** Whether the token is neither revoked nor expired at {@code now}. */
	public boolean isActive(Instant now) {
		return this.revokedAt == null && now.isBefore(this.expiresAt);
	}

}
