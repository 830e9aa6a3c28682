package dev.writ.server.org;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A role definition that cannot be stored: a name of the wrong shape, a description too
 * long, a permission outside the vocabulary. Names every violation at once, each by the
 * field it is in, so that a form can show them all.
 */
public final class InvalidRoleException extends IllegalArgumentException {

	private final List<Violation> violations;

	InvalidRoleException(List<Violation> violations) {
		super(violations.stream()
			.map((violation) -> violation.field() + ": " + violation.detail())
			.collect(Collectors.joining("; ")));
		this.violations = List.copyOf(violations);
	}

	/** What is wrong, at least one thing. */
	public List<Violation> violations() {
		return this.violations;
	}

	/**
	 * One thing wrong with a definition.
	 *
	 * @param field {@code name}, {@code description} or {@code permissions}
	 * @param detail what is wrong with it
	 */
	public record Violation(String field, String detail) {

	}

}
