package dev.writ.server.admin;

/**
 * A change that would leave an organization without an owner: someone must always be able
 * to manage its billing, its owners and its deletion.
 */
public final class LastOwnerException extends RuntimeException {

	LastOwnerException(String organizationId) {
		super("the organization '" + organizationId + "' must keep at least one owner", null, false, false);
	}

}
