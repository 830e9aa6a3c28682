package dev.writ.server.oauth2.token;

import dev.writ.server.client.authentication.AuthenticatedClient;
import dev.writ.server.protocol.FormParameters;

import org.springframework.security.oauth2.core.AuthorizationGrantType;

import reactor.core.publisher.Mono;

/**
 * One grant type of the token endpoint (RFC 6749 §4). Each is a bean; the endpoint
 * dispatches on {@link #grantType()}, so a new grant is one class.
 */
public interface GrantHandler {

	AuthorizationGrantType grantType();

	/**
	 * Decides the grant for an authenticated client that is registered for this grant
	 * type.
	 */
	Mono<AccessTokenResponse> grant(AuthenticatedClient client, FormParameters parameters);

}
