package dev.writ.server.oauth2.authorization;

import java.time.Instant;
import java.util.List;

import dev.writ.server.protocol.Scope;

import org.springframework.lang.Nullable;

/**
 * What an authorization code stands for: the authorization the user gave a client, and
 * what the token request must match (RFC 6749 §4.1.3, RFC 7636 §4.6).
 *
 * @param clientId the client the code was issued to
 * @param redirectUri the redirect URI the code was sent to
 * @param redirectUriGiven whether the authorization request named the redirect URI, in
 * which case the token request must repeat it
 * @param codeChallenge the PKCE S256 challenge, or {@code null} for a confidential client
 * registered without PKCE that sent none
 * @param scope the granted scope, space-delimited
 * @param nonce the OpenID Connect nonce to echo in the ID token, or {@code null}
 * @param userId the user who authorized
 * @param sessionId the browser session's public id
 * @param authTime when the user authenticated
 * @param amr how the user authenticated
 * @param issuedAt when the code was issued
 * @param organizationId the organization the tokens speak for, or {@code null}
 */
public record CodeAuthorization(String clientId, String redirectUri, boolean redirectUriGiven,
		@Nullable String codeChallenge, String scope, @Nullable String nonce, String userId, String sessionId,
		Instant authTime, List<String> amr, Instant issuedAt, @Nullable String organizationId) {

	public Scope grantedScope() {
		return Scope.parse(this.scope);
	}

}
