package dev.writ.server.oauth2.token;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.writ.server.token.IssuedAccessToken;

import org.springframework.lang.Nullable;

/**
 * A successful token response (RFC 6749 §5.1, OpenID Connect Core §3.1.3.3).
 *
 * @param accessToken the access token issued
 * @param refreshToken the refresh token issued, or {@code null}
 * @param idToken the ID token issued, or {@code null}
 */
public record AccessTokenResponse(IssuedAccessToken accessToken, @Nullable String refreshToken,
		@Nullable String idToken) {

	public AccessTokenResponse(IssuedAccessToken accessToken) {
		this(accessToken, null, null);
	}

	/** The JSON members, in the order RFC 6749 §5.1 lists them. */
	public Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("access_token", this.accessToken.value());
		json.put("token_type", "Bearer");
		json.put("expires_in",
				this.accessToken.expiresAt().getEpochSecond() - this.accessToken.issuedAt().getEpochSecond());
		if (this.refreshToken != null) {
			json.put("refresh_token", this.refreshToken);
		}
		if (!this.accessToken.scope().isEmpty()) {
			json.put("scope", this.accessToken.scope().toString());
		}
		if (this.idToken != null) {
			json.put("id_token", this.idToken);
		}
		return json;
	}

}
