package dev.writ.server.oauth2.token;

import java.util.List;
import java.util.Set;

import dev.writ.server.client.Client;
import dev.writ.server.client.authentication.AuthenticatedClient;
import dev.writ.server.org.Permissions;
import dev.writ.server.protocol.FormParameters;
import dev.writ.server.protocol.OAuth2Exception;
import dev.writ.server.protocol.Scope;
import dev.writ.server.token.AccessTokenIssuer;
import dev.writ.server.token.AccessTokenRequest;
import dev.writ.server.token.TokenProperties;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The client credentials grant (RFC 6749 §4.4): a confidential client gets a token for
 * itself, in the organization it is registered in.
 */
@Component
final class ClientCredentialsGrant implements GrantHandler {

	private final AccessTokenIssuer issuer;

	private final TokenProperties tokenProperties;

	ClientCredentialsGrant(AccessTokenIssuer issuer, TokenProperties tokenProperties) {
		this.issuer = issuer;
		this.tokenProperties = tokenProperties;
	}

	@Override
	public AuthorizationGrantType grantType() {
		return AuthorizationGrantType.CLIENT_CREDENTIALS;
	}

	@Override
	public Mono<AccessTokenResponse> grant(AuthenticatedClient authenticated, FormParameters parameters) {
		// §4.4: "The client credentials grant type MUST only be used by confidential
		// clients."
		if (!authenticated.isConfidential()) {
			throw OAuth2Exception.unauthorizedClient("a public client cannot use the client_credentials grant");
		}
		Client client = authenticated.client();
		// §4.4.2 and §3.3
		Scope scope = client.grantableScope(parameters.get(OAuth2ParameterNames.SCOPE));
		// RFC 8707 §2: only audiences the client is registered for; without any, all of
		// them, and with none registered the client itself (as Spring Authorization
		// Server
		// does), since RFC 9068 requires an aud
		List<String> audiences = ResourceIndicators.audiences(parameters.all(ResourceIndicators.RESOURCE),
				client.audiences(), client.tokenAudiences());
		// a client's organization role is a built-in one (the schema allows no other)
		Set<String> permissions = (client.organization() != null) ? Permissions.ofBuiltIn(client.organization().role())
				: Set.of();
		AccessTokenRequest request = new AccessTokenRequest(client.clientId(), client.clientId(), audiences, scope,
				client.organization(), permissions,
				this.tokenProperties.lifetime(client.registration().getTokenSettings().getAccessTokenTimeToLive()));
		return this.issuer.issue(request).map(AccessTokenResponse::new);
	}

}
