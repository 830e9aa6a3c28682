package dev.writ.server.token;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.writ.server.org.OrganizationRole;
import dev.writ.server.protocol.Scope;

import org.springframework.lang.Nullable;

/**
 * What a refresh token family grants, fixed when the family starts: RFC 6749 §6 lets a
 * refresh request narrow the scope of the access token, never widen what the refresh
 * token itself grants, so every token of the family carries the same grant.
 *
 * @param userId the resource owner, the {@code sub} of every access token of the family
 * @param clientId the client the family was issued to; only it may use the tokens
 * @param scope the scope the resource owner granted
 * @param sessionId the browser session the grant came from (the {@code sid} claim), or
 * {@code null}
 * @param authTime when the user authenticated (the {@code auth_time} claim)
 * @param audiences the {@code aud} of the access tokens minted from the family
 * @param organization the {@code org} and {@code role} claims, or {@code null}
 * @param amr how the user authenticated (RFC 8176), for the ID tokens of the family
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-6">RFC 6749 §6</a>
 */
public record RefreshGrant(String userId, String clientId, Scope scope, @Nullable String sessionId, Instant authTime,
		List<String> audiences, @Nullable OrganizationRole organization, List<String> amr) {

	public RefreshGrant {
		Objects.requireNonNull(userId, "userId");
		Objects.requireNonNull(clientId, "clientId");
		Objects.requireNonNull(scope, "scope");
		Objects.requireNonNull(authTime, "authTime");
		audiences = List.copyOf(audiences);
		amr = List.copyOf(amr);
	}

}
