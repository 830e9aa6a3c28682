package dev.writ.server.oauth2.revocation;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.writ.server.WritProperties;
import dev.writ.server.client.authentication.AuthenticatedClient;
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
 * Token revocation (RFC 7009). A client revokes a token issued to it. An access token's
 * {@code jti} goes onto the revocation list until the token would have expired, and
 * resource servers hear of it at once; a refresh token ends its whole family, with the
 * family's access tokens. The refresh-token prefix tells the two apart, so
 * {@code token_type_hint} is not needed.
 *
 * <p>
 * §2.2: an invalid, expired or unknown token is answered with 200 like a revoked one, and
 * {@code token_type_hint} only tells where to look first (§2.1), so an unknown hint is
 * ignored.
 */
@Component
public final class RevocationEndpoint {

	public static final String PATH = "/oauth2/revoke";

	private final ClientAuthenticator clientAuthenticator;

	private final AccessTokenVerifier verifier;

	private final RevocationList revocationList;

	private final String endpointUrl;

	private final RefreshTokenFamilies families;

	RevocationEndpoint(ClientAuthenticator clientAuthenticator, AccessTokenVerifier verifier,
			RevocationList revocationList, RefreshTokenFamilies families, WritProperties properties) {
		this.families = families;
		this.clientAuthenticator = clientAuthenticator;
		this.verifier = verifier;
		this.revocationList = revocationList;
		this.endpointUrl = properties.endpoint(PATH);
	}

	public Mono<ServerResponse> handle(ServerRequest request) {
		return FormParameters.read(request).flatMap((parameters) -> {
			String token = parameters.require("token");
			return this.clientAuthenticator
				.authenticate(request.headers().asHttpHeaders(), parameters, this.endpointUrl)
				.flatMap((client) -> revoke(client, token));
		}).then(NoStoreResponse.ok().build());
	}

	private Mono<Void> revoke(AuthenticatedClient client, String token) {
		if (RefreshTokenFamilies.isRefreshToken(token)) {
			// §2.1: revoking a refresh token also ends the access tokens of its grant
			return this.families.revoke(token, client.client().clientId());
		}
		return this.verifier.verify(token).flatMap((claims) -> {
			// §2.1: the server verifies that the token was issued to the client asking,
			// and refuses otherwise.
			if (!client.client().clientId().equals(clientId(claims))) {
				return Mono.error(OAuth2Exception.unauthorizedClient("the token was not issued to this client"));
			}
			return this.revocationList.revoke(claims.getJWTID(), claims.getExpirationTime().toInstant());
		});
	}

	private static String clientId(JWTClaimsSet claims) {
		Object clientId = claims.getClaim("client_id");
		return (clientId instanceof String value) ? value : null;
	}

}
