package dev.writ.server.admin;

/** An administrative change to a user who does not exist. */
public final class UserNotFoundException extends RuntimeException {

	UserNotFoundException(String userId) {
		super("there is no user '" + userId + "'", null, false, false);
	}

}
