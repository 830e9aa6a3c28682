package dev.writ.server.oauth2.authorization;

import java.time.Duration;
import java.util.Set;

import dev.writ.server.client.Client;
import dev.writ.server.protocol.Scope;

import org.springframework.lang.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * A valid authorization request (RFC 6749 §4.1.1, RFC 7636 §4.3, OpenID Connect Core
 * §3.1.2.1), made by {@link AuthorizationRequestValidator}.
 *
 * @param client the registered client
 * @param redirectUri where the response goes
 * @param redirectUriGiven whether the request named it (then the token request must too)
 * @param scope the requested scope, or the client's default scope when none was requested
 * @param state the client's state, echoed in the response
 * @param codeChallenge the S256 PKCE challenge, or {@code null}
 * @param nonce the OpenID Connect nonce, or {@code null}
 * @param prompts the {@code prompt} values
 * @param maxAge the {@code max_age}, or {@code null}
 * @param loginHint the {@code login_hint}, or {@code null}
 * @param parameters the request's parameters as sent, for resuming it after sign-in or
 * consent
 * @param organization the {@code organization} parameter: the id of the organization the
 * tokens are to speak for, or {@code null} to choose one (or the only one)
 */
public record AuthorizationRequest(Client client, String redirectUri, boolean redirectUriGiven, Scope scope,
		@Nullable String state, @Nullable String codeChallenge, @Nullable String nonce, Set<Prompt> prompts,
		@Nullable Duration maxAge, @Nullable String loginHint, MultiValueMap<String, String> parameters,
		@Nullable String organization) {

	public boolean isOpenId() {
		return this.scope.contains("openid");
	}

}
