package dev.writ.server.oauth2.introspection;

import dev.writ.server.WritProperties;
import dev.writ.server.apitoken.ApiTokens;
import dev.writ.server.client.authentication.ClientAuthenticator;
import dev.writ.server.protocol.FormParameters;
import dev.writ.server.protocol.NoStoreResponse;
import dev.writ.server.protocol.OAuth2Exception;
import dev.writ.server.token.AccessTokenVerifier;
import dev.writ.server.token.RefreshTokenFamilies;
import dev.writ.server.token.RevocationList;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;

/**
 * Token introspection (RFC 7662): an authenticated confidential client learns whether a
 * token is active and what it says. Any such client may ask (as in Keycloak); a token
 * that is malformed, foreign, expired or revoked is simply {@code {"active": false}}
 * (§2.2), so the answer never tells which.
 */
@Component
public final class IntrospectionEndpoint {

	public static final String PATH = "/oauth2/introspect";

	private final ClientAuthenticator clientAuthenticator;

	private final AccessTokenVerifier verifier;

	private final RevocationList revocationList;

	private final String endpointUrl;

	private final RefreshTokenFamilies families;

	private final String issuer;

	private final ApiTokens apiTokens;

	IntrospectionEndpoint(ClientAuthenticator clientAuthenticator, AccessTokenVerifier verifier,
			RevocationList revocationList, RefreshTokenFamilies families, ApiTokens apiTokens,
			WritProperties properties) {
		this.families = families;
		this.apiTokens = apiTokens;
		this.issuer = properties.issuer().toString();
		this.clientAuthenticator = clientAuthenticator;
		this.verifier = verifier;
		this.revocationList = revocationList;
		this.endpointUrl = properties.endpoint(PATH);
	}

	public Mono<ServerResponse> handle(ServerRequest request) {
		return FormParameters.read(request).flatMap((parameters) -> {
			// §2.1: token is required.
			String token = parameters.require("token");
			return this.clientAuthenticator
				.authenticate(request.headers().asHttpHeaders(), parameters, this.endpointUrl)
				.filter((client) -> client.isConfidential())
				.switchIfEmpty(
						Mono.error(() -> OAuth2Exception.invalidClient("introspection requires a confidential client")))
				.then(introspect(token));
		}).flatMap((response) -> NoStoreResponse.json(response.toJson()));
	}

	private Mono<IntrospectionResponse> introspect(String token) {
		if (RefreshTokenFamilies.isRefreshToken(token)) {
			return this.families.find(token)
				.map((active) -> IntrospectionResponse.active(active, this.issuer))
				.defaultIfEmpty(IntrospectionResponse.INACTIVE);
		}
		if (ApiTokens.isApiToken(token)) {
			return this.apiTokens.introspect(token)
				.map((active) -> IntrospectionResponse.active(active, this.issuer))
				.defaultIfEmpty(IntrospectionResponse.INACTIVE);
		}
		return this.verifier.verify(token)
			.filterWhen((claims) -> this.revocationList.isRevoked(claims.getJWTID()).map((revoked) -> !revoked))
			.map(IntrospectionResponse::active)
			.defaultIfEmpty(IntrospectionResponse.INACTIVE);
	}

}
