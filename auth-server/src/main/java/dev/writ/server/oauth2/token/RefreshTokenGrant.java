package dev.writ.server.oauth2.token;

import java.util.List;

import dev.writ.server.client.authentication.AuthenticatedClient;
import dev.writ.server.protocol.FormParameters;
import dev.writ.server.protocol.OAuth2Exception;
import dev.writ.server.protocol.Scope;
import dev.writ.server.token.RefreshGrant;
import dev.writ.server.token.RefreshTokenFamilies;
import dev.writ.server.token.RefreshTokenRotation;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The refresh token grant (RFC 6749 §6) with rotation (OAuth 2.1 §4.3.1, RFC 9700
 * §4.14.2): every use gives a new refresh token and retires the old one, whose reuse
 * revokes the family. The scope may narrow for the new access token, never widen; the
 * refresh token's own scope stays as granted (§6).
 */
@Component
final class RefreshTokenGrant implements GrantHandler {

	private final RefreshTokenFamilies families;

	private final UserTokens userTokens;

	private final RefreshTokenIssuance issuance;

	RefreshTokenGrant(RefreshTokenFamilies families, UserTokens userTokens, RefreshTokenIssuance issuance) {
		this.families = families;
		this.userTokens = userTokens;
		this.issuance = issuance;
	}

	@Override
	public AuthorizationGrantType grantType() {
		return AuthorizationGrantType.REFRESH_TOKEN;
	}

	@Override
	public Mono<AccessTokenResponse> grant(AuthenticatedClient client, FormParameters parameters) {
		String refreshToken = parameters.require(OAuth2ParameterNames.REFRESH_TOKEN);
		Scope requested = Scope.parse(parameters.get(OAuth2ParameterNames.SCOPE));
		List<String> resources = parameters.all(ResourceIndicators.RESOURCE);
		// The scope and the resources are checked before rotating, so that a bad request
		// does not cost the client its refresh token.
		return this.families.find(refreshToken).flatMap((active) -> {
			Scope missing = active.grant().scope().missing(requested);
			if (!missing.isEmpty()) {
				return Mono.<Void>error(OAuth2Exception
					.invalidScope("the scope '" + missing + "' exceeds what the refresh token grants"));
			}
			audiences(resources, active.grant());
			return Mono.<Void>empty();
		})
			.then(Mono.defer(() -> this.families.rotate(refreshToken, client.client().clientId())))
			.flatMap((rotation) -> issue(client, rotation, requested, resources));
	}

	/**
	 * RFC 8707 §2.2: the access token is for the resources asked for, within those of the
	 * grant, which the family keeps whole.
	 */
	private static List<String> audiences(List<String> resources, RefreshGrant family) {
		return ResourceIndicators.audiences(resources, family.audiences(), family.audiences());
	}

	private Mono<AccessTokenResponse> issue(AuthenticatedClient client, RefreshTokenRotation rotation, Scope requested,
			List<String> resources) {
		RefreshGrant family = rotation.grant();
		Scope scope = requested.isEmpty() ? family.scope() : requested;
		UserTokens.UserGrant grant = new UserTokens.UserGrant(family.userId(), scope, audiences(resources, family),
				family.sessionId(), family.authTime(), family.amr(), null,
				(family.organization() != null) ? family.organization().organizationId() : null);
		// a disabled user, or one no longer in the grant's organization, ends the family
		return this.userTokens.activeUser(family.userId())
			.then(Mono.defer(() -> this.userTokens.issue(client.client(), grant)))
			.onErrorResume(OAuth2Exception.class,
					(ex) -> this.families.revokeFamily(rotation.next().familyId()).then(Mono.error(ex)))
			.flatMap((issued) -> this.issuance.bind(rotation.next().familyId(), issued.accessToken())
				.thenReturn(new AccessTokenResponse(issued.accessToken(), rotation.next().value(), issued.idToken())));
	}

}
