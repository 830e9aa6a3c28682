package dev.writ.server.oidc;

import org.springframework.lang.Nullable;

/**
 * A valid RP-initiated logout request (OpenID Connect RP-Initiated Logout 1.0 §2).
 *
 * @param clientId the client that asked, from {@code client_id} or the ID token hint
 * @param postLogoutRedirectUri a redirect URI registered for that client, or {@code null}
 * @param state the client's state, echoed on the redirect
 */
public record LogoutRequest(@Nullable String clientId, @Nullable String postLogoutRedirectUri, @Nullable String state) {

}
