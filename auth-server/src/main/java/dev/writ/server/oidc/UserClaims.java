package dev.writ.server.oidc;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.writ.server.account.User;
import dev.writ.server.protocol.Scope;

/**
 * The standard claims a scope releases about a user (OpenID Connect Core §5.4):
 * {@code profile} gives the name, {@code email} the address and whether it is verified.
 */
public final class UserClaims {

	private UserClaims() {
	}

	public static Map<String, Object> of(User user, Scope scope) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", user.id());
		if (scope.contains("profile")) {
			if (user.name() != null) {
				claims.put("name", user.name());
			}
			claims.put("preferred_username", user.email());
		}
		if (scope.contains("email")) {
			claims.put("email", user.email());
			claims.put("email_verified", user.emailVerified());
		}
		return claims;
	}

}
