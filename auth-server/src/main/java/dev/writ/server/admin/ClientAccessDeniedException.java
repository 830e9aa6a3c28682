package dev.writ.server.admin;

/**
 * A change to a client the administrator may see but not manage: a client whose
 * organization role is above the administrator's own, or that holds platform scopes.
 * Managing it would let the administrator act with more than they hold (rotating the
 * secret of an owner's machine client hands out owner tokens).
 */
public final class ClientAccessDeniedException extends RuntimeException {

	ClientAccessDeniedException(String message) {
		super(message, null, false, false);
	}

}
