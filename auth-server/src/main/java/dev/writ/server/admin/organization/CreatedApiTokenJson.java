package dev.writ.server.admin.organization;

import java.time.Instant;

import dev.writ.server.apitoken.CreatedApiToken;
import org.jspecify.annotations.Nullable;

/**
 * A token just created: its metadata and, this once, its secret.
 *
 * @param id the token's id
 * @param secret {@code writ_pat_...}; shown only in this answer, never stored
 * @param name what its creator called it
 * @param scope what it may do
 * @param ownerUserId the user it acts for, or {@code null} for one the organization owns
 * @param createdBy the user who created it
 * @param createdAt when it was created
 * @param expiresAt when it stops working
 */
record CreatedApiTokenJson(String id, String secret, String name, String scope, @Nullable String ownerUserId,
		String createdBy, Instant createdAt, Instant expiresAt) {

	static CreatedApiTokenJson of(CreatedApiToken created) {
		return new CreatedApiTokenJson(created.token().id(), created.secret(), created.token().name(),
				created.token().scope().toString(), created.token().ownerUserId(), created.token().createdBy(),
				created.token().createdAt(), created.token().expiresAt());
	}

	/** Keeps the secret out of logs. */
	@Override
	public String toString() {
		return "CreatedApiTokenJson[id=" + this.id + ", secret=writ_pat_***]";
	}

}
