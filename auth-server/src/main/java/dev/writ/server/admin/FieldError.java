package dev.writ.server.admin;

import java.util.Objects;

/**
 * What is wrong with one member of a request body, as the admin API reports it in the
 * {@code errors} extension member of an RFC 9457 problem.
 *
 * @param pointer a JSON Pointer (RFC 6901) in URI fragment form into the request body,
 * for example {@code #/redirectUris/0}; {@code #} for the body as a whole
 * @param detail what is wrong, for a person to read
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9457#section-3.2">RFC 9457 §3.2</a>
 */
public record FieldError(String pointer, String detail) {

	public FieldError {
		Objects.requireNonNull(pointer, "pointer");
		Objects.requireNonNull(detail, "detail");
		if (!pointer.startsWith("#")) {
			throw new IllegalArgumentException("a pointer is a URI fragment, starting with '#': " + pointer);
		}
	}

}
