package dev.writ.server.admin.organization;

import java.time.Instant;

import dev.writ.server.invitation.Invitation;
import org.jspecify.annotations.Nullable;

/**
 * A pending invitation as the admin API shows it; its link is only in the email.
 *
 * @param id the invitation's id
 * @param email the address invited
 * @param role the role the invitee gets on accepting
 * @param invitedBy the inviting user, or {@code null} (the platform, or a deleted user)
 * @param createdAt when it was sent
 * @param expiresAt when its link stops working
 */
record InvitationJson(String id, String email, String role, @Nullable String invitedBy, Instant createdAt,
		Instant expiresAt) {

	static InvitationJson of(Invitation invitation) {
		return new InvitationJson(invitation.id(), invitation.email(), invitation.role(), invitation.invitedBy(),
				invitation.createdAt(), invitation.expiresAt());
	}

}
