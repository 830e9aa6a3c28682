package dev.writ.server.oauth2.metadata;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.writ.server.WritProperties;
import dev.writ.server.oauth2.introspection.IntrospectionEndpoint;
import dev.writ.server.oauth2.revocation.RevocationEndpoint;
import dev.writ.server.oauth2.token.TokenEndpoint;

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
 * Built as a map rather than with Spring Authorization Server's
 * {@code OAuth2AuthorizationServerMetadata} builder, because that builder requires an
 * {@code authorization_endpoint}, which RFC 8414 §2 does not when no supported grant uses
 * one; every claim name still comes from its
 * {@link OAuth2AuthorizationServerMetadataClaimNames}.
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

	private static final List<String> ASSERTION_ALGORITHMS = List.of("RS256", "RS384", "RS512", "PS256", "PS384",
			"PS512", "ES256", "ES384", "ES512", "EdDSA");

	private final Map<String, Object> metadata;

	AuthorizationServerMetadataEndpoint(WritProperties properties, TokenEndpoint tokenEndpoint) {
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put(OAuth2AuthorizationServerMetadataClaimNames.ISSUER, properties.issuer().toString());
		metadata.put(OAuth2AuthorizationServerMetadataClaimNames.TOKEN_ENDPOINT,
				properties.endpoint(TokenEndpoint.PATH));
		metadata.put(OAuth2AuthorizationServerMetadataClaimNames.TOKEN_ENDPOINT_AUTH_METHODS_SUPPORTED,
				CLIENT_AUTHENTICATION_METHODS);
		metadata.put("token_endpoint_auth_signing_alg_values_supported", ASSERTION_ALGORITHMS);
		metadata.put(OAuth2AuthorizationServerMetadataClaimNames.JWKS_URI, properties.endpoint(JWKS_PATH));
		// REQUIRED by §2; empty until the authorization endpoint exists, since no
		// response type is supported yet.
		metadata.put(OAuth2AuthorizationServerMetadataClaimNames.RESPONSE_TYPES_SUPPORTED, List.of());
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
