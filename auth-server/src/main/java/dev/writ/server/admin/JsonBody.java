package dev.writ.server.admin;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.server.ServerWebInputException;

import reactor.core.publisher.Mono;

/**
 * A request body that must be one JSON object, read member by member: each accessor notes
 * what is wrong with its member (missing, wrong type, too long) instead of throwing, so
 * that {@link #validate()} reports every broken rule at once, each with a JSON Pointer,
 * as RFC 9457 §3.2's own example does. A request record's {@code parse} reads its members
 * and calls {@link #validate()}.
 *
 * <p>
 * Reading fails with 415 for another content type and 400 {@code malformed-request} for a
 * body that is not JSON or not an object; an unknown member is a validation error, so
 * that a misspelt field of a PATCH is not silently ignored.
 */
public final class JsonBody {

	private final JsonNode object;

	private final List<AdminProblem.FieldError> errors = new ArrayList<>();

	private JsonBody(JsonNode object) {
		this.object = object;
	}

	/** The body of {@code request}, which must be a JSON object. */
	public static Mono<JsonBody> read(ServerRequest request) {
		boolean json = request.headers()
			.contentType()
			.filter((type) -> MediaType.APPLICATION_JSON.isCompatibleWith(type))
			.isPresent();
		if (!json) {
			return Mono.error(AdminProblem.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"the request body must be application/json", null, null));
		}
		return request.bodyToMono(JsonNode.class)
			.onErrorMap((ex) -> ex instanceof ServerWebInputException || ex instanceof DecodingException,
					(ex) -> AdminProblem.malformedRequest("the request body is not valid JSON"))
			.switchIfEmpty(Mono.error(() -> AdminProblem.malformedRequest("the request body must be a JSON object")))
			.map((node) -> {
				if (!node.isObject()) {
					throw AdminProblem.malformedRequest("the request body must be a JSON object");
				}
				return new JsonBody(node);
			});
	}

	/** A body, for tests and for callers that parsed it already. */
	public static JsonBody of(JsonNode object) {
		return new JsonBody(object);
	}

	/** Notes every member not in {@code known}. */
	public JsonBody allowOnly(Set<String> known) {
		for (String name : this.object.propertyNames()) {
			if (!known.contains(name)) {
				error(name, "is not a member of this request");
			}
		}
		return this;
	}

	/** Whether the body has the member, {@code null} or not. */
	public boolean has(String name) {
		return this.object.has(name);
	}

	/** Whether the member is there and {@code null}. */
	public boolean isNull(String name) {
		JsonNode value = this.object.get(name);
		return value != null && value.isNull();
	}

	/**
	 * A string of 1 to {@code maxLength} characters, not blank, stripped of surrounding
	 * white space.
	 */
	@Nullable public String requiredString(String name, int maxLength) {
		if (!has(name) || isNull(name)) {
			error(name, "is required");
			return null;
		}
		return string(name, maxLength);
	}

	/** Like {@link #requiredString}, but absent or {@code null} is {@code null}. */
	@Nullable public String string(String name, int maxLength) {
		JsonNode value = this.object.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			error(name, "must be a string");
			return null;
		}
		String text = value.stringValue().strip();
		if (text.isEmpty()) {
			error(name, "must not be blank");
			return null;
		}
		if (text.length() > maxLength) {
			error(name, "must be at most " + maxLength + " characters");
			return null;
		}
		return text;
	}

	/** A boolean; {@code defaultValue} when absent or {@code null}. */
	public boolean bool(String name, boolean defaultValue) {
		JsonNode value = this.object.get(name);
		if (value == null || value.isNull()) {
			return defaultValue;
		}
		if (!value.isBoolean()) {
			error(name, "must be true or false");
			return defaultValue;
		}
		return value.booleanValue();
	}

	/**
	 * A positive ISO-8601 duration ({@code P30D}, {@code PT12H}) of at most {@code max};
	 * absent or {@code null} is {@code null}.
	 */
	@Nullable public Duration duration(String name, Duration max) {
		String text = string(name, 64);
		if (text == null) {
			return null;
		}
		try {
			Duration duration = Duration.parse(text);
			if (duration.isNegative() || duration.isZero()) {
				error(name, "must be a positive duration");
				return null;
			}
			if (duration.compareTo(max) > 0) {
				error(name, "must be at most " + max);
				return null;
			}
			return duration;
		}
		catch (DateTimeParseException ex) {
			error(name, "must be an ISO-8601 duration such as P30D");
			return null;
		}
	}

	/**
	 * An array of at most {@code maxEntries} non-blank strings of at most
	 * {@code maxLength} characters each, kept as sent; absent or {@code null} is
	 * {@code null}. A bad element is noted under its own pointer ({@code #/name/2}).
	 */
	@Nullable public List<String> strings(String name, int maxEntries, int maxLength) {
		JsonNode value = this.object.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isArray()) {
			error(name, "must be an array of strings");
			return null;
		}
		if (value.size() > maxEntries) {
			error(name, "must have at most " + maxEntries + " entries");
			return null;
		}
		List<String> strings = new ArrayList<>();
		String pointer = AdminProblem.FieldError.member(name, "").pointer();
		for (int i = 0; i < value.size(); i++) {
			JsonNode element = value.get(i);
			String detail = !element.isString() ? "must be a string"
					: element.stringValue().isBlank() ? "must not be blank"
							: (element.stringValue().length() > maxLength)
									? "must be at most " + maxLength + " characters" : null;
			if (detail != null) {
				this.errors.add(new AdminProblem.FieldError(pointer + "/" + i, null, detail));
			}
			else {
				strings.add(element.stringValue());
			}
		}
		return strings;
	}

	/** Like {@link #strings}, but absent or {@code null} is an error. */
	@Nullable public List<String> requiredStrings(String name, int maxEntries, int maxLength) {
		if (!has(name) || isNull(name)) {
			error(name, "is required");
			return null;
		}
		return strings(name, maxEntries, maxLength);
	}

	/** A JSON object, as sent; absent or {@code null} is {@code null}. */
	@Nullable public JsonNode object(String name) {
		JsonNode value = this.object.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isObject()) {
			error(name, "must be an object");
			return null;
		}
		return value;
	}

	/** Notes a broken rule of the member {@code name}. */
	public void error(String name, String detail) {
		this.errors.add(AdminProblem.FieldError.member(name, detail));
	}

	/** Throws the 400 {@code validation} problem listing every broken rule, if any. */
	public void validate() {
		if (!this.errors.isEmpty()) {
			throw AdminProblem.validation(this.errors);
		}
	}

}
