package dev.writ.server.admin;

/** A change to a membership that does not exist. */
public final class MembershipNotFoundException extends RuntimeException {

	MembershipNotFoundException(String organizationId, String userId) {
		super("the user '" + userId + "' is not a member of the organization '" + organizationId + "'", null, false,
				false);
	}

}
