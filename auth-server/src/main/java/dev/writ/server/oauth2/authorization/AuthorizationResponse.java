package dev.writ.server.oauth2.authorization;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.writ.server.protocol.OAuth2Exception;

import org.springframework.lang.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The redirect that ends an authorization request (RFC 6749 §4.1.2 and §4.1.2.1), with
 * the {@code iss} parameter of RFC 9207 so a client talking to several servers can tell
 * which one answered (mix-up attacks). The client's own query is kept (§3.1.2).
 */
final class AuthorizationResponse {

	private AuthorizationResponse() {
	}

	static URI code(String redirectUri, String code, @Nullable String state, String issuer) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("code", code);
		return redirect(redirectUri, parameters, state, issuer);
	}

	static URI error(String redirectUri, OAuth2Exception error, @Nullable String state, String issuer) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("error", error.errorCode());
		parameters.put("error_description", error.description());
		return redirect(redirectUri, parameters, state, issuer);
	}

	private static URI redirect(String redirectUri, Map<String, String> parameters, @Nullable String state,
			String issuer) {
		if (state != null) {
			parameters.put("state", state);
		}
		parameters.put("iss", issuer);
		UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(redirectUri);
		// Values go in as template variables, which encode() escapes strictly (a '+' or
		// '&' in a state survives the round trip).
		parameters.keySet().forEach((name) -> builder.queryParam(name, "{" + name + "}"));
		return builder.encode().buildAndExpand(parameters).toUri();
	}

}
