package dev.writ.server.apitoken;

/** An API token that the organization does not have. */
public final class ApiTokenNotFoundException extends RuntimeException {

	ApiTokenNotFoundException(String organizationId, String id) {
		super("the organization '" + organizationId + "' has no API token '" + id + "'", null, false, false);
	}

}
