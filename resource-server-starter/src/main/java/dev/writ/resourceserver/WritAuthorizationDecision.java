package dev.writ.resourceserver;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authorization.AuthorizationDecision;

/**
 * A decision by one of the {@link WritAuthorization} rules. When it denies, it says why
 * in terms a client can act on: the starter's 403 response names {@link #requiredScope()}
 * in its {@code WWW-Authenticate} {@code scope} attribute (RFC 6750 §3) and
 * {@link #description()} as {@code error_description}.
 */
public final class WritAuthorizationDecision extends AuthorizationDecision {

	/**
	 * The exchange attribute under which a denying URL rule leaves its decision for the
	 * access-denied handler (Spring's URL authorization throws a plain
	 * AccessDeniedException that does not carry the decision).
	 */
	public static final String EXCHANGE_ATTRIBUTE = WritAuthorizationDecision.class.getName();

	private final @Nullable String requiredScope;

	private final String description;

	WritAuthorizationDecision(boolean granted, @Nullable String requiredScope, String description) {
		super(granted);
		this.requiredScope = requiredScope;
		this.description = description;
	}

	/** The scope the request needs, or {@code null} when the rule is not about scopes. */
	public @Nullable String requiredScope() {
		return this.requiredScope;
	}

	/** What the request needs, for {@code error_description}. */
	public String description() {
		return this.description;
	}

	@Override
	public String toString() {
		return "WritAuthorizationDecision [granted=" + isGranted() + ", " + this.description + "]";
	}

}
