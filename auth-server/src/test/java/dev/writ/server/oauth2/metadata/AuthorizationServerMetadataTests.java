package dev.writ.server.oauth2.metadata;

import dev.writ.server.test.TestAuthServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Authorization server metadata (RFC 8414) at both well-known locations. */
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
			.jsonPath("$.grant_types_supported")
			.isEqualTo(java.util.List.of("client_credentials"))
			.jsonPath("$.token_endpoint_auth_methods_supported")
			.isEqualTo(java.util.List.of("client_secret_basic", "client_secret_post", "private_key_jwt"))
			.jsonPath("$.response_types_supported")
			.isEmpty();
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
