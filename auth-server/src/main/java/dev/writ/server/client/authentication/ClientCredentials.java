package dev.writ.server.client.authentication;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import dev.writ.server.protocol.FormParameters;
import dev.writ.server.protocol.OAuth2Exception;

import org.springframework.http.HttpHeaders;
import org.springframework.lang.Nullable;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

/**
 * What a request presents to authenticate its client, before anything is checked against
 * the registration.
 *
 * @param clientId the client identifier claimed
 * @param method how the client authenticates
 * @param secret the client secret, for the two {@code client_secret_*} methods
 * @param assertion the JWT of {@code private_key_jwt}
 */
public record ClientCredentials(String clientId, ClientAuthenticationMethod method, @Nullable String secret,
		@Nullable String assertion) {

	/** RFC 7523 §2.2. */
	static final String JWT_BEARER_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

	/**
	 * Reads the credentials of a request. RFC 6749 §2.3 forbids more than one
	 * authentication method in a request.
	 */
	public static ClientCredentials extract(HttpHeaders headers, FormParameters parameters) {
		List<ClientCredentials> presented = new ArrayList<>(1);
		String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
		if (authorization != null) {
			presented.add(basic(authorization));
		}
		if (parameters.contains(OAuth2ParameterNames.CLIENT_SECRET)) {
			presented.add(new ClientCredentials(parameters.require(OAuth2ParameterNames.CLIENT_ID),
					ClientAuthenticationMethod.CLIENT_SECRET_POST, parameters.get(OAuth2ParameterNames.CLIENT_SECRET),
					null));
		}
		if (parameters.contains(OAuth2ParameterNames.CLIENT_ASSERTION)
				|| parameters.contains(OAuth2ParameterNames.CLIENT_ASSERTION_TYPE)) {
			presented.add(assertion(parameters));
		}
		if (presented.size() > 1) {
			throw OAuth2Exception.invalidRequest("the request uses more than one client authentication method");
		}
		ClientCredentials credentials = presented.isEmpty() ? none(parameters) : presented.get(0);
		String bodyClientId = parameters.get(OAuth2ParameterNames.CLIENT_ID);
		if (bodyClientId != null && !bodyClientId.equals(credentials.clientId())) {
			throw OAuth2Exception.invalidClient("client_id does not match the authenticated client");
		}
		return credentials;
	}

	/**
	 * RFC 6749 §2.3.1: the id and secret are form-encoded before they are joined and
	 * Base64-encoded.
	 */
	private static ClientCredentials basic(String authorization) {
		if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			throw OAuth2Exception.invalidClient("unsupported authorization scheme");
		}
		String decoded;
		try {
			decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw OAuth2Exception.invalidClient("malformed Basic credentials");
		}
		int colon = decoded.indexOf(':');
		if (colon <= 0) {
			throw OAuth2Exception.invalidClient("malformed Basic credentials");
		}
		try {
			return new ClientCredentials(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
					ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
					URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8), null);
		}
		catch (IllegalArgumentException ex) {
			throw OAuth2Exception.invalidClient("malformed Basic credentials");
		}
	}

	private static ClientCredentials assertion(FormParameters parameters) {
		if (!JWT_BEARER_ASSERTION_TYPE.equals(parameters.get(OAuth2ParameterNames.CLIENT_ASSERTION_TYPE))) {
			throw OAuth2Exception.invalidClient("client_assertion_type must be " + JWT_BEARER_ASSERTION_TYPE);
		}
		String assertion = parameters.get(OAuth2ParameterNames.CLIENT_ASSERTION);
		if (assertion == null) {
			throw OAuth2Exception.invalidClient("client_assertion is missing");
		}
		// RFC 7523 §3: the client is identified by the assertion's sub; client_id is
		// optional and checked against it.
		String clientId = ClientAssertion.subjectOf(assertion);
		return new ClientCredentials(clientId, ClientAuthenticationMethod.PRIVATE_KEY_JWT, null, assertion);
	}

	private static ClientCredentials none(FormParameters parameters) {
		String clientId = parameters.get(OAuth2ParameterNames.CLIENT_ID);
		if (clientId == null) {
			throw OAuth2Exception.invalidClient("client authentication is required");
		}
		return new ClientCredentials(clientId, ClientAuthenticationMethod.NONE, null, null);
	}

}
