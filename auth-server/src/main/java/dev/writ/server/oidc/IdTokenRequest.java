package dev.writ.server.oidc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.lang.Nullable;

/**
 * What an ID token is to say (OpenID Connect Core §2).
 *
 * @param subject the user's id
 * @param clientId the audience, and the authorized party
 * @param nonce the nonce of the authorization request, or {@code null}
 * @param authTime when the user authenticated
 * @param sessionId the browser session (Front-Channel and Back-Channel Logout's
 * {@code sid})
 * @param amr how the user authenticated (RFC 8176)
 * @param accessToken the access token issued with it, for {@code at_hash}
 * @param timeToLive how long the ID token is valid
 */
public record IdTokenRequest(String subject, String clientId, @Nullable String nonce, Instant authTime,
		String sessionId, List<String> amr, String accessToken, Duration timeToLive) {

	public IdTokenRequest {
		amr = List.copyOf(amr);
	}

}
