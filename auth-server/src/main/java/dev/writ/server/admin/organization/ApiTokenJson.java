package dev.writ.server.admin.organization;

import java.time.Instant;

import dev.writ.server.apitoken.ApiToken;
import org.jspecify.annotations.Nullable;

/**
 * An API token as the admin API shows it, never with its secret.
 *
 * @param id the token's id ({@code pat_...}), also its {@code jti} at resource servers
 * @param name what its creator called it
 * @param scope what it may do (space separated)
 * @param ownerUserId the user it acts for, or {@code null} for one the organization owns
 * @param createdBy the user who created it
 * @param createdAt when it was created
 * @param expiresAt when it stops working
 * @param revokedAt when it was revoked, or {@code null}
 * @param lastUsedAt when a resource server last checked it (at most about a minute old),
 * or {@code null}
 * @param active whether it works now (neither revoked nor expired)
 */
record ApiTokenJson(String id, String name, String scope, @Nullable String ownerUserId, String createdBy,
		Instant createdAt, Instant expiresAt, @Nullable Instant revokedAt, @Nullable Instant lastUsedAt,
		boolean active) {

	static ApiTokenJson of(ApiToken token, Instant now) {
		return new ApiTokenJson(token.id(), token.name(), token.scope().toString(), token.ownerUserId(),
				token.createdBy(), token.createdAt(), token.expiresAt(), token.revokedAt(), token.lastUsedAt(),
				token.isActive(now));
	}

}
