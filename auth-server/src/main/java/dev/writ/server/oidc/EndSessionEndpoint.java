package dev.writ.server.oidc;

import java.net.URI;
import java.text.ParseException;
import java.util.List;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.writ.server.WritProperties;
import dev.writ.server.client.Client;
import dev.writ.server.client.RegisteredClients;
import dev.writ.server.jwk.JwkVerifiers;
import dev.writ.server.jwk.SigningKeys;
import dev.writ.server.protocol.OAuth2Exception;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;

/**
 * The end-session endpoint (OpenID Connect RP-Initiated Logout 1.0): checks a logout
 * request; the web layer asks the user to confirm and ends the session. A redirect after
 * logout goes only to a URI registered for the client the request proves it comes from
 * (§3), so the endpoint is no open redirector.
 */
@Component
public final class EndSessionEndpoint {

	public static final String PATH = "/connect/logout";

	private final RegisteredClients clients;

	private final SigningKeys signingKeys;

	private final String issuer;

	EndSessionEndpoint(RegisteredClients clients, SigningKeys signingKeys, WritProperties properties) {
		this.clients = clients;
		this.signingKeys = signingKeys;
		this.issuer = properties.issuer().toString();
	}

	/** The valid request, or an {@link OAuth2Exception} for the user's eyes only. */
	public Mono<LogoutRequest> validate(MultiValueMap<String, String> parameters) {
		for (var parameter : parameters.entrySet()) {
			if (parameter.getValue().size() > 1) {
				return Mono.error(OAuth2Exception.invalidRequest("parameter '" + parameter.getKey() + "' is repeated"));
			}
		}
		String hint = value(parameters, "id_token_hint");
		String clientId = value(parameters, "client_id");
		String redirectUri = value(parameters, "post_logout_redirect_uri");
		String state = value(parameters, "state");
		Mono<String> client = (hint != null) ? hintedClient(hint).flatMap((hinted) -> {
			if (clientId != null && !clientId.equals(hinted)) {
				return Mono.error(OAuth2Exception.invalidRequest("client_id does not match the id_token_hint"));
			}
			return Mono.just(hinted);
		}) : Mono.justOrEmpty(clientId);
		return client
			.flatMap((id) -> this.clients.findByClientId(id)
				.switchIfEmpty(
						Mono.error(() -> OAuth2Exception.invalidRequest("the client '" + id + "' is not registered")))
				.map((registered) -> request(registered, redirectUri, state)))
			.switchIfEmpty(Mono.defer(() -> (redirectUri != null)
					? Mono.error(OAuth2Exception
						.invalidRequest("post_logout_redirect_uri needs an id_token_hint or a client_id"))
					: Mono.just(new LogoutRequest(null, null, null))));
	}

	private static LogoutRequest request(Client client, @Nullable String redirectUri, @Nullable String state) {
		if (redirectUri != null && !client.registration().getPostLogoutRedirectUris().contains(redirectUri)) {
			throw OAuth2Exception.invalidRequest("the post_logout_redirect_uri is not registered for the client");
		}
		return new LogoutRequest(client.clientId(), redirectUri, (redirectUri != null) ? state : null);
	}

	/** Where the browser goes after the logout, or {@code null} for Writ's own page. */
	@Nullable
	public static URI redirectAfter(LogoutRequest request) {
		if (request.postLogoutRedirectUri() == null) {
			return null;
		}
		UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(request.postLogoutRedirectUri());
		if (request.state() == null) {
			return builder.build(true).toUri();
		}
		return builder.queryParam("state", "{state}").encode().buildAndExpand(request.state()).toUri();
	}

	/**
	 * §2: the hint must be an ID token this server issued; it may have expired. Its
	 * client is its audience.
	 */
	private Mono<String> hintedClient(String hint) {
		SignedJWT jwt;
		JWTClaimsSet claims;
		try {
			jwt = SignedJWT.parse(hint);
			claims = jwt.getJWTClaimsSet();
		}
		catch (ParseException ex) {
			return Mono.error(OAuth2Exception.invalidRequest("the id_token_hint is not an ID token"));
		}
		List<String> audience = claims.getAudience();
		if (!JOSEObjectType.JWT.equals(jwt.getHeader().getType()) || jwt.getHeader().getKeyID() == null
				|| !this.issuer.equals(claims.getIssuer()) || audience == null || audience.size() != 1) {
			return Mono.error(OAuth2Exception.invalidRequest("the id_token_hint was not issued by this server"));
		}
		return this.signingKeys.publishedKey(jwt.getHeader().getKeyID())
			.filter((key) -> JwkVerifiers.verifies(jwt, key))
			.map((key) -> audience.get(0))
			.switchIfEmpty(Mono
				.error(() -> OAuth2Exception.invalidRequest("the id_token_hint was not issued by this server")));
	}

	@Nullable
	private static String value(MultiValueMap<String, String> parameters, String name) {
		String value = parameters.getFirst(name);
		return (value == null || value.isEmpty()) ? null : value;
	}

}
