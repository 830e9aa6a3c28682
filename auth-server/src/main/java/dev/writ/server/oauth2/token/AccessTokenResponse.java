package dev.writ.server.oauth2.token;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.writ.server.token.IssuedAccessToken;

/**
 * A successful token response (RFC 6749 §5.1).
 *
 * @param accessToken the access token issued
 */
public record AccessTokenResponse(IssuedAccessToken accessToken) {

	/** The JSON members, in the order RFC 6749 §5.1 lists them. */
	public Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("access_token", this.accessToken.value());
		json.put("token_type", "Bearer");
		json.put("expires_in",
				this.accessToken.expiresAt().getEpochSecond() - this.accessToken.issuedAt().getEpochSecond());
		if (!this.accessToken.scope().isEmpty()) {
			json.put("scope", this.accessToken.scope().toString());
		}
		return json;
	}

}
