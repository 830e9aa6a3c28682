package dev.writ.server.oauth2.metadata;

import java.util.List;

import dev.writ.server.test.TestAuthServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Authorization server metadata (RFC 8414) and OpenID Provider metadata (OpenID Connect
 * Discovery 1.0 §3), one document at both well-known locations.
 */
class AuthorizationServerMetadataTests {

	private static TestAuthServer server;

	private static WebTestClient client;

	@BeforeAll
	static void start() {
		server = TestAuthServer.demo();
		client = server.client();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/.well-known/oauth-authorization-server", "/.well-known/openid-configuration" })
	void metadataWhenRequestedThenDescribesEndpoints(String path) {
		String issuer = server.baseUrl();
		client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=300, public")
			.expectBody()
			.jsonPath("$.issuer")
			.isEqualTo(issuer)
			.jsonPath("$.token_endpoint")
			.isEqualTo(issuer + "/oauth2/token")
			.jsonPath("$.jwks_uri")
			.isEqualTo(issuer + "/oauth2/jwks")
			.jsonPath("$.introspection_endpoint")
			.isEqualTo(issuer + "/oauth2/introspect")
			.jsonPath("$.revocation_endpoint")
			.isEqualTo(issuer + "/oauth2/revoke")
			.jsonPath("$.authorization_endpoint")
			.isEqualTo(issuer + "/oauth2/authorize")
			.jsonPath("$.userinfo_endpoint")
			.isEqualTo(issuer + "/userinfo")
			.jsonPath("$.end_session_endpoint")
			.isEqualTo(issuer + "/connect/logout")
			.jsonPath("$.grant_types_supported")
			.isEqualTo(List.of("authorization_code", "client_credentials", "refresh_token"))
			.jsonPath("$.token_endpoint_auth_methods_supported")
			.isEqualTo(List.of("client_secret_basic", "client_secret_post", "private_key_jwt", "none"))
			.jsonPath("$.response_types_supported")
			.isEqualTo(List.of("code"))
			.jsonPath("$.response_modes_supported")
			.isEqualTo(List.of("query"))
			.jsonPath("$.code_challenge_methods_supported")
			.isEqualTo(List.of("S256"))
			.jsonPath("$.authorization_response_iss_parameter_supported")
			.isEqualTo(true)
			.jsonPath("$.subject_types_supported")
			.isEqualTo(List.of("public"))
			.jsonPath("$.id_token_signing_alg_values_supported")
			.value((algorithms) -> org.assertj.core.api.Assertions.assertThat(algorithms.toString()).contains("RS256"))
			.jsonPath("$.scopes_supported")
			.isEqualTo(List.of("openid", "profile", "email", "offline_access"))
			.jsonPath("$.request_uri_parameter_supported")
			.isEqualTo(false)
			.jsonPath("$.prompt_values_supported")
			.isEqualTo(List.of("none", "login", "consent", "select_account"));
	}

	@Test
	void jwksWhenRequestedThenPublicKeysOnly() {
		client.get()
			.uri("/oauth2/jwks")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.keys[0].kid")
			.isNotEmpty()
			.jsonPath("$.keys[0].d")
			.doesNotExist()
			.jsonPath("$.keys[0].p")
			.doesNotExist();
	}

}
