package dev.writ.server.admin;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * A request's query parameters, read one by one like {@link JsonBody} reads members: each
 * accessor notes what is wrong instead of throwing, and {@link #validate()} reports every
 * broken rule at once, each naming its parameter. A parameter given twice is an error:
 * which one counts would be a guess.
 */
public final class QueryParameters {

	private final ServerRequest request;

	private final List<AdminProblem.FieldError> errors = new ArrayList<>();

	private QueryParameters(ServerRequest request) {
		this.request = request;
	}

	public static QueryParameters of(ServerRequest request) {
		return new QueryParameters(request);
	}

	/** The parameter's value, or {@code null}; at most {@code maxLength} characters. */
	@Nullable public String string(String name, int maxLength) {
		List<String> values = this.request.queryParams().getOrDefault(name, List.of());
		if (values.isEmpty()) {
			return null;
		}
		if (values.size() > 1) {
			error(name, "must be given once");
			return null;
		}
		String value = values.get(0);
		if (value.isEmpty()) {
			error(name, "must not be empty");
			return null;
		}
		if (value.length() > maxLength) {
			error(name, "must be at most " + maxLength + " characters");
			return null;
		}
		return value;
	}

	/** A whole number from 1 to {@code max}; {@code defaultValue} when absent. */
	public int limit(String name, int defaultValue, int max) {
		String value = string(name, 10);
		if (value == null) {
			return defaultValue;
		}
		try {
			int limit = Integer.parseInt(value);
			if (limit >= 1 && limit <= max) {
				return limit;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		error(name, "must be a whole number from 1 to " + max);
		return defaultValue;
	}

	/** An RFC 3339 time ({@code 2026-01-01T00:00:00Z}), or {@code null}. */
	@Nullable public Instant instant(String name) {
		String value = string(name, 64);
		if (value == null) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			error(name, "must be a time such as 2026-01-01T00:00:00Z");
			return null;
		}
	}

	public void error(String name, String detail) {
		this.errors.add(AdminProblem.FieldError.parameter(name, detail));
	}

	/** Throws the 400 {@code validation} problem listing every broken rule, if any. */
	public void validate() {
		if (!this.errors.isEmpty()) {
			throw AdminProblem.validation(this.errors);
		}
	}

}
