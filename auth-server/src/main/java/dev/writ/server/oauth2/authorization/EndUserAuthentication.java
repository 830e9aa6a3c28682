package dev.writ.server.oauth2.authorization;

import java.time.Instant;
import java.util.List;

/**
 * How the end-user behind an authorization request signed in, as their browser session
 * knows it.
 *
 * @param userId the user's id: the {@code sub} of their tokens
 * @param sessionId the public id of the browser session: the {@code sid} claim
 * @param authTime when the user last actively authenticated: the {@code auth_time} claim
 * @param amr the authentication methods used (RFC 8176), such as {@code pwd}
 */
public record EndUserAuthentication(String userId, String sessionId, Instant authTime, List<String> amr) {

	public EndUserAuthentication {
		amr = List.copyOf(amr);
	}

}
