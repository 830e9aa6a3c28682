package dev.writ.server.oauth2.token;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.writ.server.client.Client;
import dev.writ.server.client.RegisteredClients;
import dev.writ.server.jwk.JwkVerifiers;
import dev.writ.server.jwk.SigningKeys;
import dev.writ.server.protocol.Scope;
import dev.writ.server.test.TestAuthServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.writ.server.test.TokenRequests.M2M_ID;
import static dev.writ.server.test.TokenRequests.M2M_SECRET;
import static dev.writ.server.test.TokenRequests.basic;
import static dev.writ.server.test.TokenRequests.form;
import static dev.writ.server.test.TokenRequests.post;
import static org.assertj.core.api.Assertions.assertThat;

/** The client credentials grant (RFC 6749 §4.4) through the token endpoint, over HTTP. */
class ClientCredentialsGrantTests {

	private static TestAuthServer server;

	private static WebTestClient client;

	@BeforeAll
	static void start() {
		server = TestAuthServer.demo();
		client = server.client();
	}

	@Test
	void tokenWhenClientSecretBasicThenRfc9068AccessToken() throws Exception {
		Map<String, Object> body = tokenResponse(basic(M2M_ID, M2M_SECRET), form("grant_type", "client_credentials"));
		assertThat(body).containsOnlyKeys("access_token", "token_type", "expires_in", "scope")
			.containsEntry("token_type", "Bearer")
			.containsEntry("expires_in", 300)
			.containsEntry("scope", "read:projects write:projects read:deployments write:deployments");
		SignedJWT jwt = SignedJWT.parse((String) body.get("access_token"));
		assertThat(jwt.getHeader().getType()).isEqualTo(new JOSEObjectType("at+jwt"));
		assertThat(jwt.getHeader().getKeyID()).isNotBlank();
		assertThat(jwt.verify(JwkVerifiers.create(jwt.getHeader(),
				server.bean(SigningKeys.class).publishedKey(jwt.getHeader().getKeyID()).block())))
			.isTrue();
		JWTClaimsSet claims = jwt.getJWTClaimsSet();
		assertThat(claims.getIssuer()).isEqualTo(server.baseUrl());
		assertThat(claims.getSubject()).isEqualTo(M2M_ID);
		assertThat(claims.getAudience()).containsExactly("http://localhost:8081");
		assertThat(claims.getStringClaim("client_id")).isEqualTo(M2M_ID);
		assertThat(claims.getStringClaim("org")).isEqualTo("org_acme");
		assertThat(claims.getStringClaim("role")).isEqualTo("member");
		assertThat(claims.getStringListClaim("permissions")).containsExactly("projects:read", "projects:write",
				"deployments:read", "deployments:write");
		assertThat(claims.getJWTID()).isNotBlank();
		assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
			.isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void tokenWhenClientSecretPostThenIssued() {
		Map<String, Object> body = tokenResponse(null, form("grant_type", "client_credentials", "client_id", M2M_ID,
				"client_secret", M2M_SECRET, "scope", "read:projects"));
		assertThat(body).containsEntry("scope", "read:projects");
	}

	@Test
	void tokenWhenResponseThenNotCacheable() {
		post(client, "/oauth2/token", basic(M2M_ID, M2M_SECRET), form("grant_type", "client_credentials"))
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
			.expectHeader()
			.valueEquals(HttpHeaders.PRAGMA, "no-cache");
	}

	@Test
	void tokenWhenScopeNarrowedThenOnlyThatScope() throws Exception {
		Map<String, Object> body = tokenResponse(basic(M2M_ID, M2M_SECRET),
				form("grant_type", "client_credentials", "scope", "read:deployments read:projects"));
		assertThat(body).containsEntry("scope", "read:deployments read:projects");
		assertThat(SignedJWT.parse((String) body.get("access_token")).getJWTClaimsSet().getStringClaim("scope"))
			.isEqualTo("read:deployments read:projects");
	}

	@Test
	void tokenWhenScopeNotAllowedThenInvalidScope() {
		post(client, "/oauth2/token", basic(M2M_ID, M2M_SECRET),
				form("grant_type", "client_credentials", "scope", "read:projects admin:everything"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.json("""
					{"error":"invalid_scope","error_description":"the client may not request the scope 'admin:everything'"}""",
					org.springframework.test.json.JsonCompareMode.STRICT);
	}

	@Test
	void tokenWhenScopeMalformedThenInvalidScope() {
		post(client, "/oauth2/token", basic(M2M_ID, M2M_SECRET),
				form("grant_type", "client_credentials", "scope", "read:projects  write:projects"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("invalid_scope");
	}

	@Test
	void tokenWhenResourceRegisteredThenAudienceIsResource() throws Exception {
		Map<String, Object> body = tokenResponse(basic(M2M_ID, M2M_SECRET),
				form("grant_type", "client_credentials", "resource", "http://localhost:8081"));
		assertThat(SignedJWT.parse((String) body.get("access_token")).getJWTClaimsSet().getAudience())
			.containsExactly("http://localhost:8081");
	}

	@Test
	void tokenWhenResourceNotRegisteredThenInvalidTarget() {
		post(client, "/oauth2/token", basic(M2M_ID, M2M_SECRET),
				form("grant_type", "client_credentials", "resource", "https://elsewhere.example"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("invalid_target");
	}

	@Test
	void tokenWhenResourceRelativeThenInvalidTarget() {
		post(client, "/oauth2/token", basic(M2M_ID, M2M_SECRET),
				form("grant_type", "client_credentials", "resource", "/projects"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("invalid_target");
	}

	@Test
	void tokenWhenClientHasOwnLifetimeAndNoOrganizationThenHonoured() throws Exception {
		String secret = "short-lived-secret-" + System.nanoTime();
		RegisteredClient registration = RegisteredClient.withId("short-lived")
			.clientId("short-lived")
			.clientName("Short-lived tokens")
			.clientSecret(server.bean(PasswordEncoder.class).encode(secret))
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scope("read:projects")
			.scope("write:projects")
			.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofSeconds(60)).build())
			.build();
		server.bean(RegisteredClients.class)
			.save(new Client(registration, Scope.parse("read:projects"), List.of(), null, null))
			.block();
		Map<String, Object> body = tokenResponse(basic("short-lived", secret),
				form("grant_type", "client_credentials"));
		assertThat(body).containsEntry("expires_in", 60).containsEntry("scope", "read:projects");
		JWTClaimsSet claims = SignedJWT.parse((String) body.get("access_token")).getJWTClaimsSet();
		assertThat(claims.getAudience()).containsExactly("short-lived");
		assertThat(claims.getClaims()).doesNotContainKeys("org", "role", "permissions");
	}

	@Test
	void tokenWhenPublicClientThenUnauthorizedClient() {
		post(client, "/oauth2/token", null, form("grant_type", "client_credentials", "client_id", "demo-spa"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("unauthorized_client");
	}

	@Test
	void tokenWhenClientNotRegisteredForGrantThenUnauthorizedClient() {
		post(client, "/oauth2/token", basic("demo-web", "demo-web-secret"), form("grant_type", "client_credentials"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.json("""
					{"error":"unauthorized_client",
					 "error_description":"the client is not registered for the grant type 'client_credentials'"}""");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> tokenResponse(String authorization,
			org.springframework.util.MultiValueMap<String, String> form) {
		return post(client, "/oauth2/token", authorization, form).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

}
