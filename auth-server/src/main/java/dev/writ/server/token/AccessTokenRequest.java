package dev.writ.server.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
 * @param permissions the {@code permissions} claim: what the role allows in the
 * organization, so that a resource server need not know the organization's own roles;
 * ignored without an organization
 * @param timeToLive how long the token is valid
 * @param sessionId the {@code sid} claim of a user's token: their browser session
 * @param authTime the {@code auth_time} claim of a user's token (RFC 9068 §2.2.1)
 */
public record AccessTokenRequest(String subject, String clientId, List<String> audiences, Scope scope,
		@Nullable OrganizationRole organization, Set<String> permissions, Duration timeToLive,
		@Nullable String sessionId, @Nullable Instant authTime) {

	public AccessTokenRequest {
		audiences = List.copyOf(audiences);
		permissions = Collections.unmodifiableSet(new LinkedHashSet<>(permissions));
	}

	/** A token a client gets for itself, with no user behind it. */
	public AccessTokenRequest(String subject, String clientId, List<String> audiences, Scope scope,
			@Nullable OrganizationRole organization, Set<String> permissions, Duration timeToLive) {
		this(subject, clientId, audiences, scope, organization, permissions, timeToLive, null, null);
	}

}
