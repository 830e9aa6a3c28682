package dev.writ.server.apitoken;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.writ.server.protocol.Scope;

/**
 * The one place that says which scopes an organization role may put into an API token.
 * For now every role may grant the same four API scopes: owner and admin add nothing,
 * because no API scope yet is for administrators only. Identity scopes ({@code openid},
 * {@code offline_access}, ...) are never grantable: an API token is not a sign-in.
 */
final class ApiTokenScopes {

	private static final Set<String> MEMBER = Set.of("read:projects", "write:projects", "read:deployments",
			"write:deployments");

	private static final Map<String, Set<String>> BY_ROLE = Map.of("member", MEMBER, "admin", MEMBER, "owner", MEMBER);

	private ApiTokenScopes() {
	}

	/** The scopes {@code role} may grant; none for an unknown role. */
	static Set<String> grantable(String role) {
		return BY_ROLE.getOrDefault(role, Set.of());
	}

	/** The part of {@code requested} that {@code role} may not grant. */
	static Scope beyond(String role, Scope requested) {
		return Scope.of(List.copyOf(grantable(role))).missing(requested);
	}

	/**
	 * The part of {@code granted} that {@code role} still permits, so that a demoted
	 * owner's token loses what the new role cannot grant.
	 */
	static Scope within(String role, Scope granted) {
		Set<String> kept = new LinkedHashSet<>(granted.tokens());
		kept.retainAll(grantable(role));
		return Scope.of(kept);
	}

}
