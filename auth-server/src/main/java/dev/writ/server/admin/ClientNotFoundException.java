package dev.writ.server.admin;

/**
 * A client that does not exist, or that the administrator may not see: the two are one
 * answer, so that an organization's administrator cannot learn which client ids other
 * organizations use.
 */
public final class ClientNotFoundException extends RuntimeException {

	ClientNotFoundException(String clientId) {
		super("there is no client '" + clientId + "'", null, false, false);
	}

}
