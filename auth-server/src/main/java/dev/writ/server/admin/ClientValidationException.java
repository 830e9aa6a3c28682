package dev.writ.server.admin;

import java.util.List;

/**
 * A client registration that breaks the rules of RFC 6749, OAuth 2.1 or Writ, with every
 * broken rule as a {@link AdminProblem.FieldError}, so that the caller can fix them all
 * at once.
 */
public final class ClientValidationException extends RuntimeException {

	private final List<AdminProblem.FieldError> errors;

	ClientValidationException(List<AdminProblem.FieldError> errors) {
		super("the client registration is invalid: " + errors, null, false, false);
		if (errors.isEmpty()) {
			throw new IllegalArgumentException("a validation failure has at least one error");
		}
		this.errors = List.copyOf(errors);
	}

	/** The broken rules, in the order of the request's members. */
	public List<AdminProblem.FieldError> errors() {
		return this.errors;
	}

}
