package dev.writ.server.oauth2.token;

import java.time.Duration;

import dev.writ.server.client.Client;
import dev.writ.server.client.RefreshTokenSettings;
import dev.writ.server.protocol.OAuth2Exception;
import dev.writ.server.token.IssuedAccessToken;
import dev.writ.server.token.IssuedRefreshToken;
import dev.writ.server.token.RefreshGrant;
import dev.writ.server.token.RefreshTokenFamilies;
import dev.writ.server.token.RefreshTokenPolicy;
import dev.writ.server.token.RefreshTokenProperties;
import dev.writ.server.token.RevocationList;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Whether a user's grant gets a refresh token, and with which lifetimes: only a client
 * registered for the refresh_token grant, and only for {@code offline_access} (OpenID
 * Connect Core §11) unless the client is registered to always get one.
 */
@Component
final class RefreshTokenIssuance {

	static final String OFFLINE_ACCESS = "offline_access";

	private final RefreshTokenFamilies families;

	private final RefreshTokenProperties properties;

	private final RevocationList revocationList;

	RefreshTokenIssuance(RefreshTokenFamilies families, RefreshTokenProperties properties,
			RevocationList revocationList) {
		this.families = families;
		this.revocationList = revocationList;
		this.properties = properties;
	}

	/**
	 * Starts a family for the grant, bound to its first access token; empty when the
	 * grant gets no refresh token.
	 */
	Mono<IssuedRefreshToken> start(Client client, UserTokens.UserGrant grant, UserTokens.Issued issued) {
		boolean registered = client.registration()
			.getAuthorizationGrantTypes()
			.contains(AuthorizationGrantType.REFRESH_TOKEN);
		if (!registered || !(grant.scope().contains(OFFLINE_ACCESS) || client.refreshTokens().withoutOfflineAccess())) {
			return Mono.empty();
		}
		RefreshGrant refreshGrant = new RefreshGrant(grant.userId(), client.clientId(), grant.scope(),
				grant.sessionId(), grant.authTime(), grant.audiences(), issued.organization(), grant.amr());
		return this.families.start(refreshGrant, policy(client.refreshTokens()))
			.flatMap((refreshToken) -> bind(refreshToken.familyId(), issued.accessToken()).thenReturn(refreshToken));
	}

	/**
	 * Binds an access token to its family, so that a revoked family takes it along; a
	 * family revoked in the meantime fails the request.
	 */
	Mono<Void> bind(String familyId, IssuedAccessToken accessToken) {
		return this.families.bindAccessToken(familyId, accessToken.tokenId(), accessToken.expiresAt())
			.flatMap((bound) -> bound ? Mono.<Void>empty()
					: this.revocationList.revoke(accessToken.tokenId(), accessToken.expiresAt())
						.then(Mono.error(OAuth2Exception.invalidGrant("the refresh token was revoked"))));
	}

	private RefreshTokenPolicy policy(RefreshTokenSettings settings) {
		RefreshTokenPolicy defaults = this.properties.defaultPolicy();
		Duration idle = (settings.idleTimeToLive() != null) ? settings.idleTimeToLive() : defaults.idleTimeToLive();
		Duration absolute = (settings.absoluteTimeToLive() != null) ? settings.absoluteTimeToLive()
				: defaults.absoluteTimeToLive();
		return new RefreshTokenPolicy((idle.compareTo(absolute) > 0) ? absolute : idle, absolute);
	}

}
