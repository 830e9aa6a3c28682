package dev.writ.server.oauth2.authorization;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import dev.writ.server.client.Client;
import dev.writ.server.client.RegisteredClients;
import dev.writ.server.protocol.OAuth2Exception;
import dev.writ.server.protocol.Scope;

import org.springframework.lang.Nullable;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

import reactor.core.publisher.Mono;

/**
 * Checks an authorization request in the order that decides where an error may go: first
 * the client and its redirect URI, whose errors only the user may see (RFC 6749
 * §4.1.2.1), then everything else, whose errors go back to the client.
 */
@Component
final class AuthorizationRequestValidator {

	/**
	 * The organization the tokens are to speak for (the parameter Auth0 and Clerk use for
	 * the same purpose; no RFC names one).
	 */
	static final String ORGANIZATION = "organization";

	private final RegisteredClients clients;

	AuthorizationRequestValidator(RegisteredClients clients) {
		this.clients = clients;
	}

	/**
	 * The valid request, or an {@link AuthorizationError} saying where its error goes.
	 */
	Mono<AuthorizationRequest> validate(MultiValueMap<String, String> parameters) {
		String clientId = single(parameters, OAuth2ParameterNames.CLIENT_ID);
		if (clientId == null) {
			return Mono.error(AuthorizationError.toUser(OAuth2Exception.invalidRequest("client_id is missing")));
		}
		return this.clients.findByClientId(clientId)
			.switchIfEmpty(Mono.error(() -> AuthorizationError
				.toUser(OAuth2Exception.invalidRequest("the client '" + clientId + "' is not registered"))))
			.map((client) -> validate(client, parameters));
	}

	private AuthorizationRequest validate(Client client, MultiValueMap<String, String> parameters) {
		String requested = single(parameters, OAuth2ParameterNames.REDIRECT_URI);
		String redirectUri = redirectUri(client, requested);
		// From here on the redirect URI is trusted, and errors go to the client.
		String state = singleOrNull(parameters, OAuth2ParameterNames.STATE);
		try {
			return validate(client, parameters, redirectUri, requested != null, state);
		}
		catch (OAuth2Exception ex) {
			throw AuthorizationError.toClient(ex, redirectUri, state);
		}
	}

	/** §3.1.2.3, RFC 8252 §7.3; OpenID Connect Core §3.1.2.1 makes it required. */
	private static String redirectUri(Client client, @Nullable String requested) {
		Set<String> registered = client.registration().getRedirectUris();
		if (requested == null) {
			if (registered.size() != 1) {
				throw AuthorizationError.toUser(OAuth2Exception.invalidRequest("redirect_uri is missing"));
			}
			return registered.iterator().next();
		}
		if (!RedirectUris.isRegistered(requested, registered)) {
			throw AuthorizationError.toUser(OAuth2Exception
				.invalidRequest("the redirect_uri is not registered for the client '" + client.clientId() + "'"));
		}
		return requested;
	}

	private static AuthorizationRequest validate(Client client, MultiValueMap<String, String> parameters,
			String redirectUri, boolean redirectUriGiven, @Nullable String state) {
		for (var parameter : parameters.entrySet()) {
			// §3.1: no parameter may be sent twice
			if (parameter.getValue().size() > 1) {
				throw OAuth2Exception.invalidRequest("parameter '" + parameter.getKey() + "' is repeated");
			}
		}
		if (parameters.containsKey("request")) {
			throw OAuth2Exception.requestNotSupported();
		}
		if (parameters.containsKey("request_uri")) {
			throw OAuth2Exception.requestUriNotSupported();
		}
		responseType(parameters);
		String responseMode = value(parameters, "response_mode");
		if (responseMode != null && !"query".equals(responseMode)) {
			throw OAuth2Exception.invalidRequest("response_mode '" + responseMode + "' is not supported");
		}
		// §4.1.1 and RFC 6749 §5.2: the client must be registered for the grant
		if (!client.registration().getAuthorizationGrantTypes().contains(AuthorizationGrantType.AUTHORIZATION_CODE)) {
			throw OAuth2Exception.unauthorizedClient("the client may not use the authorization code grant");
		}
		Scope scope = client.grantableScope(value(parameters, OAuth2ParameterNames.SCOPE));
		if (scope.contains("openid") && !redirectUriGiven) {
			throw OAuth2Exception.invalidRequest("redirect_uri is required in an OpenID Connect request");
		}
		String codeChallenge = codeChallenge(client, parameters);
		Set<Prompt> prompts = Prompt.parse(value(parameters, "prompt"));
		return new AuthorizationRequest(client, redirectUri, redirectUriGiven, scope, state, codeChallenge,
				value(parameters, "nonce"), prompts, maxAge(value(parameters, "max_age")),
				value(parameters, "login_hint"), parameters, value(parameters, ORGANIZATION));
	}

	private static void responseType(MultiValueMap<String, String> parameters) {
		String responseType = value(parameters, OAuth2ParameterNames.RESPONSE_TYPE);
		if (responseType == null) {
			throw OAuth2Exception.invalidRequest("response_type is missing");
		}
		if (!"code".equals(responseType)) {
			// OAuth 2.1 drops the implicit grant and OpenID Connect's hybrid flows
			throw OAuth2Exception.unsupportedResponseType("only response_type=code is supported");
		}
	}

	/**
	 * RFC 7636 §4.4.1: S256 only; required of public clients and, by default (OAuth 2.1
	 * §4.1.1), of every client.
	 */
	@Nullable
	private static String codeChallenge(Client client, MultiValueMap<String, String> parameters) {
		String challenge = value(parameters, PkceParameterNames.CODE_CHALLENGE);
		String method = value(parameters, PkceParameterNames.CODE_CHALLENGE_METHOD);
		if (challenge == null) {
			if (method != null) {
				throw OAuth2Exception.invalidRequest("code_challenge_method without code_challenge");
			}
			if (client.isPublic() || client.registration().getClientSettings().isRequireProofKey()) {
				throw OAuth2Exception.invalidRequest("code_challenge is required (PKCE with S256)");
			}
			return null;
		}
		// §4.3: an absent method means plain
		if (!ProofKey.S256.equals(method)) {
			throw OAuth2Exception.invalidRequest("transform algorithm not supported: use code_challenge_method=S256");
		}
		if (!ProofKey.isS256Challenge(challenge)) {
			throw OAuth2Exception.invalidRequest("code_challenge is not an S256 challenge");
		}
		return challenge;
	}

	@Nullable
	private static Duration maxAge(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			long seconds = Long.parseLong(value);
			if (seconds >= 0) {
				return Duration.ofSeconds(seconds);
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw OAuth2Exception.invalidRequest("max_age must be a non-negative number of seconds");
	}

	/** A parameter whose repetition must be answered on a page, before redirecting. */
	@Nullable
	private static String single(MultiValueMap<String, String> parameters, String name) {
		List<String> values = parameters.get(name);
		if (values == null) {
			return null;
		}
		if (values.size() > 1) {
			throw AuthorizationError.toUser(OAuth2Exception.invalidRequest("parameter '" + name + "' is repeated"));
		}
		return values.get(0).isEmpty() ? null : values.get(0);
	}

	/** The value to echo, unless it is ambiguous. */
	@Nullable
	private static String singleOrNull(MultiValueMap<String, String> parameters, String name) {
		List<String> values = parameters.get(name);
		return (values != null && values.size() == 1 && !values.get(0).isEmpty()) ? values.get(0) : null;
	}

	/** RFC 6749 §3.1: an empty parameter counts as absent. */
	@Nullable
	private static String value(MultiValueMap<String, String> parameters, String name) {
		return singleOrNull(parameters, name);
	}

}
