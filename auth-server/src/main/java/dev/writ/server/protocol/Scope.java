package dev.writ.server.protocol;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.lang.Nullable;

/**
 * A set of scope tokens (RFC 6749 §3.3), kept in the order they were given.
 *
 * @param tokens the scope tokens
 */
public record Scope(Set<String> tokens) {

	/** {@code scope-token = 1*( %x21 / %x23-5B / %x5D-7E )} from RFC 6749 §3.3. */
	private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

	public static final Scope EMPTY = new Scope(Set.of());

	public Scope {
		tokens = Collections.unmodifiableSet(new LinkedHashSet<>(tokens));
	}

	/**
	 * Parses a space-delimited {@code scope} parameter; a malformed one is
	 * {@code invalid_scope}.
	 */
	public static Scope parse(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return EMPTY;
		}
		Set<String> tokens = new LinkedHashSet<>();
		for (String token : value.split(" ", -1)) {
			if (!SCOPE_TOKEN.matcher(token).matches()) {
				throw OAuth2Exception.invalidScope("the scope parameter is malformed");
			}
			tokens.add(token);
		}
		return new Scope(tokens);
	}

	public static Scope of(Collection<String> tokens) {
		return new Scope(new LinkedHashSet<>(tokens));
	}

	public boolean isEmpty() {
		return this.tokens.isEmpty();
	}

	public boolean contains(String token) {
		return this.tokens.contains(token);
	}

	public boolean containsAll(Scope other) {
		return this.tokens.containsAll(other.tokens);
	}

	/** The tokens of {@code other} that this scope lacks. */
	public Scope missing(Scope other) {
		Set<String> missing = new LinkedHashSet<>(other.tokens);
		missing.removeAll(this.tokens);
		return new Scope(missing);
	}

	@Override
	public String toString() {
		return String.join(" ", this.tokens);
	}

}
