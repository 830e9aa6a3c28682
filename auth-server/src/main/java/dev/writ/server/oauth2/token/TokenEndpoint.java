package dev.writ.server.oauth2.token;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.writ.server.WritProperties;
import dev.writ.server.client.authentication.AuthenticatedClient;
import dev.writ.server.client.authentication.ClientAuthenticator;
import dev.writ.server.protocol.FormParameters;
import dev.writ.server.protocol.NoStoreResponse;
import dev.writ.server.protocol.OAuth2Exception;
import dev.writ.server.ratelimit.RateLimiter;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;

/**
 * The token endpoint (RFC 6749 §3.2): read the form, authenticate the client, check the
 * grant type, count the request, and let the grant's handler decide.
 */
@Component
public final class TokenEndpoint {

	public static final String PATH = "/oauth2/token";

	private final ClientAuthenticator clientAuthenticator;

	private final Map<AuthorizationGrantType, GrantHandler> grants;

	private final RateLimiter rateLimiter;

	private final String endpointUrl;

	TokenEndpoint(ClientAuthenticator clientAuthenticator, List<GrantHandler> grants, RateLimiter rateLimiter,
			WritProperties properties) {
		this.clientAuthenticator = clientAuthenticator;
		this.grants = grants.stream()
			.collect(Collectors.toUnmodifiableMap(GrantHandler::grantType, Function.identity()));
		this.rateLimiter = rateLimiter;
		this.endpointUrl = properties.endpoint(PATH);
	}

	/** The grant types this server supports, for the metadata. */
	public Set<AuthorizationGrantType> grantTypes() {
		return this.grants.keySet();
	}

	public Mono<ServerResponse> handle(ServerRequest request) {
		return FormParameters.read(request)
			.flatMap((parameters) -> token(request, parameters))
			.flatMap((response) -> NoStoreResponse.json(response.toJson()));
	}

	private Mono<AccessTokenResponse> token(ServerRequest request, FormParameters parameters) {
		// §4.x.3: grant_type is required; checked before the client so a malformed
		// request costs no hashing.
		AuthorizationGrantType grantType = new AuthorizationGrantType(
				parameters.require(OAuth2ParameterNames.GRANT_TYPE));
		return this.clientAuthenticator.authenticate(request.headers().asHttpHeaders(), parameters, this.endpointUrl)
			.flatMap((client) -> grant(client, grantType, parameters));
	}

	private Mono<AccessTokenResponse> grant(AuthenticatedClient client, AuthorizationGrantType grantType,
			FormParameters parameters) {
		GrantHandler handler = this.grants.get(grantType);
		if (handler == null) {
			return Mono.error(OAuth2Exception
				.unsupportedGrantType("the grant type '" + grantType.getValue() + "' is not supported"));
		}
		if (!client.client().registration().getAuthorizationGrantTypes().contains(grantType)) {
			return Mono.error(OAuth2Exception
				.unauthorizedClient("the client is not registered for the grant type '" + grantType.getValue() + "'"));
		}
		return this.rateLimiter.tokenRequest(client.client().clientId())
			.then(Mono.defer(() -> handler.grant(client, parameters)));
	}

}
