package dev.writ.server.oauth2.introspection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.writ.server.apitoken.ActiveApiToken;
import dev.writ.server.token.ActiveRefreshToken;
import dev.writ.server.token.RefreshGrant;

/**
 * An introspection response (RFC 7662 §2.2).
 *
 * @param json the members of the response
 */
record IntrospectionResponse(Map<String, Object> json) {

	static final IntrospectionResponse INACTIVE = new IntrospectionResponse(Map.of("active", false));

	/** The token's own claims, which §2.2 names the same way as the JWT does. */
	private static final List<String> CLAIMS = List.of("scope", "client_id", "sub", "aud", "iss", "exp", "iat", "nbf",
			"jti", "org", "role", "permissions", "sid", "auth_time");

	static IntrospectionResponse active(JWTClaimsSet claims) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("active", true);
		Map<String, Object> all = claims.toJSONObject();
		for (String name : CLAIMS) {
			if (all.get(name) != null) {
				json.put(name, all.get(name));
			}
		}
		json.put("token_type", "Bearer");
		return new IntrospectionResponse(json);
	}

	/** A current refresh token: what its family grants, and when the token expires. */
	static IntrospectionResponse active(ActiveRefreshToken token, String issuer) {
		RefreshGrant grant = token.grant();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("active", true);
		json.put("scope", grant.scope().toString());
		json.put("client_id", grant.clientId());
		json.put("sub", grant.userId());
		json.put("iss", issuer);
		json.put("exp", token.expiresAt().getEpochSecond());
		if (grant.sessionId() != null) {
			json.put("sid", grant.sessionId());
		}
		json.put("auth_time", grant.authTime().getEpochSecond());
		return new IntrospectionResponse(json);
	}

	/**
	 * An active API token, in the claims of the token contract: its id is the {@code jti}
	 * (the name its revocation is announced under) and the {@code client_id}.
	 */
	static IntrospectionResponse active(ActiveApiToken token, String issuer) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("active", true);
		json.put("scope", token.scope().toString());
		json.put("client_id", token.id());
		json.put("sub", token.subject());
		json.put("iss", issuer);
		json.put("exp", token.expiresAt().getEpochSecond());
		json.put("iat", token.issuedAt().getEpochSecond());
		json.put("jti", token.id());
		json.put("org", token.organizationId());
		if (token.role() != null) {
			json.put("role", token.role());
		}
		json.put("token_type", "Bearer");
		return new IntrospectionResponse(json);
	}

	Map<String, Object> toJson() {
		return this.json;
	}

}
