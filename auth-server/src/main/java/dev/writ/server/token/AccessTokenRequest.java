package dev.writ.server.token;

import java.time.Duration;
import java.util.List;

import dev.writ.server.protocol.Scope;
import dev.writ.server.org.OrganizationRole;

import org.springframework.lang.Nullable;

/**
 * What an access token is to say, decided by a grant before it is signed.
 *
 * @param subject the {@code sub} claim: a user id, or the client id for
 * client_credentials
 * @param clientId the {@code client_id} claim (RFC 9068 §2.2)
 * @param audiences the {@code aud} claim
 * @param scope the {@code scope} claim
 * @param organization the {@code org} and {@code role} claims, or {@code null}
 * @param timeToLive how long the token is valid
 */
public record AccessTokenRequest(String subject, String clientId, List<String> audiences, Scope scope,
		@Nullable OrganizationRole organization, Duration timeToLive) {

	public AccessTokenRequest {
		audiences = List.copyOf(audiences);
	}

}
