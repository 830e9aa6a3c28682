package dev.writ.server.apitoken;

/**
 * A token that may not be created as asked: a scope wider than the creator's role grants,
 * a creator who is not a member, an owner outside the organization, a lifetime that is
 * not positive, or no name.
 */
public final class ApiTokenRefusedException extends RuntimeException {

	ApiTokenRefusedException(String message) {
		super(message, null, false, false);
	}

}
