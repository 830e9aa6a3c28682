package dev.writ.server.apitoken;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.writ.server.protocol.Scope;

/**
 * The one place that says which scopes an API token may carry, given the permissions of
 * its creator's (or owner's) role. An API scope is a permission read the other way round:
 * {@code read:projects} (verb first, as clients ask for it) needs {@code projects:read}
 * (resource first, as roles grant it). Only the API scopes resource servers serve can be
 * granted, so the built-in roles all grant the same four, while an organization's own
 * role grants those its permissions cover. Identity scopes ({@code openid},
 * {@code offline_access}, ...) and administration are never grantable: an API token is
 * neither a sign-in nor accepted by the admin API.
 */
final class ApiTokenScopes {

	private static final List<String> API_SCOPES = List.of("read:projects", "write:projects", "read:deployments",
			"write:deployments");

	private ApiTokenScopes() {
	}

	/** The scopes a holder of {@code permissions} may grant. */
	static Set<String> grantable(Set<String> permissions) {
		Set<String> grantable = new LinkedHashSet<>();
		for (String scope : API_SCOPES) {
			if (permissions.contains(permission(scope))) {
				grantable.add(scope);
			}
		}
		return grantable;
	}

	/** {@code read:projects} → {@code projects:read}. */
	static String permission(String scope) {
		int colon = scope.indexOf(':');
		return scope.substring(colon + 1) + ":" + scope.substring(0, colon);
	}

	/**
	 * The part of {@code requested} that a holder of {@code permissions} may not grant.
	 */
	static Scope beyond(Set<String> permissions, Scope requested) {
		return Scope.of(List.copyOf(grantable(permissions))).missing(requested);
	}

	/**
	 * The part of {@code granted} that {@code permissions} still permit, so that a
	 * demoted owner's token, or one whose role was narrowed, loses what the role cannot
	 * grant any more.
	 */
	static Scope within(Set<String> permissions, Scope granted) {
		Set<String> kept = new LinkedHashSet<>(granted.tokens());
		kept.retainAll(grantable(permissions));
		return Scope.of(kept);
	}

}
