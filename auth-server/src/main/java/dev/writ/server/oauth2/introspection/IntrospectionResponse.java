package dev.writ.server.oauth2.introspection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;

import org.springframework.lang.Nullable;

/**
 * An introspection response (RFC 7662 §2.2).
 *
 * @param claims the active token's claims, or {@code null} for an inactive one
 */
record IntrospectionResponse(@Nullable JWTClaimsSet claims) {

	static final IntrospectionResponse INACTIVE = new IntrospectionResponse(null);

	/** The token's own claims, which §2.2 names the same way as the JWT does. */
	private static final List<String> CLAIMS = List.of("scope", "client_id", "sub", "aud", "iss", "exp", "iat", "nbf",
			"jti", "org", "role", "sid", "auth_time");

	static IntrospectionResponse active(JWTClaimsSet claims) {
		return new IntrospectionResponse(claims);
	}

	Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("active", this.claims != null);
		if (this.claims == null) {
			return json;
		}
		Map<String, Object> all = this.claims.toJSONObject();
		for (String name : CLAIMS) {
			if (all.get(name) != null) {
				json.put(name, all.get(name));
			}
		}
		json.put("token_type", "Bearer");
		return json;
	}

}
