package dev.writ.server.oauth2.token;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.writ.server.account.User;
import dev.writ.server.account.Users;
import dev.writ.server.client.Client;
import dev.writ.server.oidc.IdTokenIssuer;
import dev.writ.server.oidc.IdTokenRequest;
import dev.writ.server.org.Memberships;
import dev.writ.server.org.OrganizationRole;
import dev.writ.server.org.RolePermissions;
import dev.writ.server.protocol.OAuth2Exception;
import dev.writ.server.protocol.Scope;
import dev.writ.server.token.AccessTokenIssuer;
import dev.writ.server.token.AccessTokenRequest;
import dev.writ.server.token.IssuedAccessToken;
import dev.writ.server.token.TokenProperties;
import dev.writ.server.token.UserAccessTokens;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The tokens a user's grant gives a client: an access token with the user's organization,
 * role and the role's permissions, and an ID token when the scope has {@code openid}.
 * Shared by the authorization-code and refresh-token grants, so both say the same about a
 * user.
 */
@Component
final class UserTokens {

	private final Users users;

	private final Memberships memberships;

	private final RolePermissions rolePermissions;

	private final AccessTokenIssuer accessTokens;

	private final IdTokenIssuer idTokens;

	private final TokenProperties tokenProperties;

	private final UserAccessTokens userAccessTokens;

	UserTokens(Users users, Memberships memberships, RolePermissions rolePermissions, AccessTokenIssuer accessTokens,
			IdTokenIssuer idTokens, TokenProperties tokenProperties, UserAccessTokens userAccessTokens) {
		this.userAccessTokens = userAccessTokens;
		this.users = users;
		this.memberships = memberships;
		this.rolePermissions = rolePermissions;
		this.accessTokens = accessTokens;
		this.idTokens = idTokens;
		this.tokenProperties = tokenProperties;
	}

	/**
	 * The user of a grant, who must still exist and be enabled: disabling an account ends
	 * what its grants can do.
	 */
	Mono<User> activeUser(String userId) {
		return this.users.findById(userId)
			.filter((user) -> !user.disabled())
			.switchIfEmpty(Mono.error(() -> OAuth2Exception.invalidGrant("the user's account is not active")));
	}

	/**
	 * The user's role, now, in the organization the grant is for: a role changed since
	 * the grant shows in the next token, and a membership ended since ends the grant.
	 */
	Mono<OrganizationRole> organization(String userId, @Nullable String organizationId) {
		if (organizationId == null) {
			return Mono.empty();
		}
		return this.memberships.find(userId, organizationId)
			.switchIfEmpty(Mono.error(() -> OAuth2Exception
				.invalidGrant("the user is no longer a member of the organization '" + organizationId + "'")));
	}

	/**
	 * What the user's role allows in the organization now, read with the role, so a
	 * changed role shows in the next token; none without an organization.
	 */
	private Mono<Set<String>> permissions(@Nullable OrganizationRole organization) {
		if (organization == null) {
			return Mono.just(Set.of());
		}
		return this.rolePermissions.permissions(organization.organizationId(), organization.role())
			.defaultIfEmpty(Set.of());
	}

	Mono<Issued> issue(Client client, UserGrant grant) {
		Duration lifetime = this.tokenProperties
			.lifetime(client.registration().getTokenSettings().getAccessTokenTimeToLive());
		return organization(grant.userId(), grant.organizationId()).map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((organization) -> permissions(organization.orElse(null))
				.flatMap((permissions) -> this.accessTokens
					.issue(new AccessTokenRequest(grant.userId(), client.clientId(), grant.audiences(), grant.scope(),
							organization.orElse(null), permissions, lifetime, grant.sessionId(), grant.authTime())))
				.flatMap((accessToken) -> this.userAccessTokens
					.add(grant.userId(), grant.organizationId(), accessToken.tokenId(), accessToken.expiresAt())
					.thenReturn(accessToken))
				.flatMap((accessToken) -> idToken(client, grant, accessToken, lifetime)
					.map((idToken) -> new Issued(accessToken, idToken, organization.orElse(null)))
					.defaultIfEmpty(new Issued(accessToken, null, organization.orElse(null)))));
	}

	private Mono<String> idToken(Client client, UserGrant grant, IssuedAccessToken accessToken, Duration lifetime) {
		if (!grant.scope().contains("openid")) {
			return Mono.empty();
		}
		return this.idTokens.issue(new IdTokenRequest(grant.userId(), client.clientId(), grant.nonce(),
				grant.authTime(), grant.sessionId(), grant.amr(), accessToken.value(), lifetime));
	}

	/**
	 * What a user's grant says the tokens are for.
	 *
	 * @param userId the user
	 * @param scope the scope of the tokens
	 * @param audiences the audiences of the access token
	 * @param sessionId the browser session the grant began in
	 * @param authTime when the user authenticated
	 * @param amr how
	 * @param nonce the nonce for the ID token, or {@code null}
	 * @param organizationId the organization the tokens speak for, or {@code null}
	 */
	record UserGrant(String userId, Scope scope, List<String> audiences, String sessionId, Instant authTime,
			List<String> amr, @Nullable String nonce, @Nullable String organizationId) {

		/** This grant, for tokens addressed to {@code audiences} only. */
		UserGrant forAudiences(List<String> audiences) {
			return new UserGrant(this.userId, this.scope, audiences, this.sessionId, this.authTime, this.amr,
					this.nonce, this.organizationId);
		}

	}

	/**
	 * An access token and, for OpenID Connect, its ID token.
	 *
	 * @param accessToken the access token
	 * @param idToken the ID token, or {@code null}
	 * @param organization the organization the access token speaks for, or {@code null}
	 */
	record Issued(IssuedAccessToken accessToken, @Nullable String idToken, @Nullable OrganizationRole organization) {
	}

}
