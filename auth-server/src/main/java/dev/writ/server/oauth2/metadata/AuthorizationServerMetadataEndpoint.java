package dev.writ.server.oauth2.metadata;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.writ.server.WritProperties;
import dev.writ.server.oauth2.authorization.AuthorizationEndpoint;
import dev.writ.server.oauth2.introspection.IntrospectionEndpoint;
import dev.writ.server.oauth2.revocation.RevocationEndpoint;
import dev.writ.server.oauth2.token.TokenEndpoint;
import dev.writ.server.oidc.EndSessionEndpoint;
import dev.writ.server.oidc.UserInfoEndpoint;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationServerMetadataClaimNames;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;

/**
 * Authorization server metadata (RFC 8414), also served as OpenID Provider metadata.
 *
 * <p>
 * One document for both well-known paths: OpenID Connect Discovery 1.0 adds its members
 * to RFC 8414's, and a client of either reads the members it knows. Built as a map, in
 * the order the specifications list the members, with Spring Authorization Server's
 * {@link OAuth2AuthorizationServerMetadataClaimNames} where it names one.
 */
@Component
public final class AuthorizationServerMetadataEndpoint {

	public static final String OAUTH_PATH = "/.well-known/oauth-authorization-server";

	public static final String OPENID_PATH = "/.well-known/openid-configuration";

	public static final String JWKS_PATH = "/oauth2/jwks";

	private static final List<String> CLIENT_AUTHENTICATION_METHODS = List.of(
			ClientAuthenticationMethod.CLIENT_SECRET_BASIC.getValue(),
			ClientAuthenticationMethod.CLIENT_SECRET_POST.getValue(),
			ClientAuthenticationMethod.PRIVATE_KEY_JWT.getValue());

	/** Public clients (RFC 6749 §2.1) authenticate with nothing but their id. */
	private static final List<String> TOKEN_ENDPOINT_AUTHENTICATION_METHODS = List.of(
			ClientAuthenticationMethod.CLIENT_SECRET_BASIC.getValue(),
			ClientAuthenticationMethod.CLIENT_SECRET_POST.getValue(),
			ClientAuthenticationMethod.PRIVATE_KEY_JWT.getValue(), ClientAuthenticationMethod.NONE.getValue());

	private static final List<String> SCOPES = List.of("openid", "profile", "email", "offline_access");

	private static final List<String> ASSERTION_ALGORITHMS = List.of("RS256", "RS384", "RS512", "PS256", "PS384",
			"PS512", "ES256", "ES384", "ES512", "EdDSA");

	private final Map<String, Object> metadata;

	AuthorizationServerMetadataEndpoint(WritProperties properties, TokenEndpoint tokenEndpoint) {
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put(OAuth2AuthorizationServerMetadataClaimNames.ISSUER, properties.issuer().toString());
		metadata.put(OAuth2AuthorizationServerMetadataClaimNames.AUTHORIZATION_ENDPOINT,
				properties.endpoint(AuthorizationEndpoint.PATH));
		metadata.put(OAuth2AuthorizationServerMetadataClaimNames.TOKEN_ENDPOINT,
				properties.endpoint(TokenEndpoint.PATH));
		metadata.put(OAuth2AuthorizationServerMetadataClaimNames.TOKEN_ENDPOINT_AUTH_METHODS_SUPPORTED,
				TOKEN_ENDPOINT_AUTHENTICATION_METHODS);
		metadata.put("token_endpoint_auth_signing_alg_values_supported", ASSERTION_ALGORITHMS);
		metadata.put("userinfo_endpoint", properties.endpoint(UserInfoEndpoint.PATH));
		metadata.put("end_session_endpoint", properties.endpoint(EndSessionEndpoint.PATH));
		metadata.put(OAuth2AuthorizationServerMetadataClaimNames.JWKS_URI, properties.endpoint(JWKS_PATH));
		metadata.put(OAuth2AuthorizationServerMetadataClaimNames.SCOPES_SUPPORTED, SCOPES);
		metadata.put(OAuth2AuthorizationServerMetadataClaimNames.RESPONSE_TYPES_SUPPORTED, List.of("code"));
		metadata.put("response_modes_supported", List.of("query"));
		metadata.put(OAuth2AuthorizationServerMetadataClaimNames.GRANT_TYPES_SUPPORTED,
				tokenEndpoint.grantTypes().stream().map(AuthorizationGrantType::getValue).sorted().toList());
		metadata.put(OAuth2AuthorizationServerMetadataClaimNames.REVOCATION_ENDPOINT,
				properties.endpoint(RevocationEndpoint.PATH));
		metadata.put(OAuth2AuthorizationServerMetadataClaimNames.REVOCATION_ENDPOINT_AUTH_METHODS_SUPPORTED,
				CLIENT_AUTHENTICATION_METHODS);
		metadata.put(OAuth2AuthorizationServerMetadataClaimNames.INTROSPECTION_ENDPOINT,
				properties.endpoint(IntrospectionEndpoint.PATH));
		metadata.put(OAuth2AuthorizationServerMetadataClaimNames.INTROSPECTION_ENDPOINT_AUTH_METHODS_SUPPORTED,
				CLIENT_AUTHENTICATION_METHODS);
		metadata.put(OAuth2AuthorizationServerMetadataClaimNames.CODE_CHALLENGE_METHODS_SUPPORTED, List.of("S256"));
		// RFC 9207 §3
		metadata.put("authorization_response_iss_parameter_supported", true);
		// OpenID Connect Discovery 1.0 §3
		metadata.put("subject_types_supported", List.of("public"));
		metadata.put("id_token_signing_alg_values_supported", List.of("RS256", "ES256", "EdDSA"));
		metadata.put("acr_values_supported", List.of("1"));
		metadata.put("prompt_values_supported", List.of("none", "login", "consent", "select_account"));
		metadata.put("claims_supported", List.of("sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "acr", "amr",
				"azp", "sid", "at_hash", "name", "preferred_username", "email", "email_verified"));
		metadata.put("claims_parameter_supported", false);
		metadata.put("request_parameter_supported", false);
		// its default is true (§3), which Writ does not support
		metadata.put("request_uri_parameter_supported", false);
		// kept in insertion order: the document reads like RFC 8414's list
		this.metadata = Collections.unmodifiableMap(metadata);
	}

	public Mono<ServerResponse> handle(ServerRequest request) {
		return ServerResponse.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.bodyValue(this.metadata);
	}

}
