package dev.writ.server.invitation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An invitation that has not been used yet. Its token is not part of it: it exists only
 * in the email that was sent.
 *
 * @param id the invitation's identifier, {@code inv_...}; safe to show and to log
 * @param organizationId the organization the invitation is to
 * @param organizationName its name, as the page and the email show it
 * @param email the address invited; only the user with this address (ignoring case) can
 * accept
 * @param role the role the user gets on joining: {@code owner}, {@code admin},
 * {@code member} or one the organization defined
 * @param invitedBy the id of the user who invited, or {@code null} (an invitation made by
 * the operator, or one whose inviter was deleted since)
 * @param createdAt when it was sent
 * @param expiresAt when its link stops working
 */
public record Invitation(String id, String organizationId, String organizationName, String email, String role,
		@Nullable String invitedBy, Instant createdAt, Instant expiresAt) {

}
