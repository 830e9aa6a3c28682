package dev.writ.server.admin.organization;

import java.util.Set;

import dev.writ.server.admin.JsonBody;

/**
 * {@code POST /admin/api/organizations/{org}/invitations}: {@code {"email", "role"}}.
 *
 * @param email the address to invite (at most 320 characters, RFC 5321's limit)
 * @param role the role the invitee gets; one the caller may grant
 */
record CreateInvitationRequest(String email, String role) {

	static CreateInvitationRequest parse(JsonBody body) {
		body.allowOnly(Set.of("email", "role"));
		String email = body.requiredString("email", 320);
		if (email != null && (email.indexOf('@') < 1 || email.endsWith("@"))) {
			body.error("email", "must be an email address");
		}
		String role = body.requiredString("role", 64);
		body.validate();
		return new CreateInvitationRequest(email, role);
	}

}
