package dev.writ.server.org;

/**
 * A role that is neither built-in nor defined in the organization: it cannot be assigned,
 * changed or deleted there. An {@link IllegalArgumentException}, as every other bad role
 * argument was before organizations could define roles.
 */
public final class UnknownRoleException extends IllegalArgumentException {

	private final String organizationId;

	private final String role;

	UnknownRoleException(String organizationId, String role) {
		super("the organization '" + organizationId + "' has no role '" + role + "'");
		this.organizationId = organizationId;
		this.role = role;
	}

	public String organizationId() {
		return this.organizationId;
	}

	public String role() {
		return this.role;
	}

}
