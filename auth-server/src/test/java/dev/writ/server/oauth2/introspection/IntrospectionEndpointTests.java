package dev.writ.server.oauth2.introspection;

import com.nimbusds.jwt.SignedJWT;
import dev.writ.server.test.TestAuthServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.writ.server.test.TokenRequests.M2M_ID;
import static dev.writ.server.test.TokenRequests.M2M_SECRET;
import static dev.writ.server.test.TokenRequests.basic;
import static dev.writ.server.test.TokenRequests.form;
import static dev.writ.server.test.TokenRequests.m2mToken;
import static dev.writ.server.test.TokenRequests.post;

/** Token introspection (RFC 7662). */
class IntrospectionEndpointTests {

	private static TestAuthServer server;

	private static WebTestClient client;

	@BeforeAll
	static void start() {
		server = TestAuthServer.demo();
		client = server.client();
	}

	private static WebTestClient.ResponseSpec introspect(String authorization, String token) {
		return post(client, "/oauth2/introspect", authorization, form("token", token));
	}

	@Test
	void introspectWhenActiveTokenThenClaims() throws Exception {
		String token = m2mToken(client, "read:projects");
		var claims = SignedJWT.parse(token).getJWTClaimsSet();
		introspect(basic("demo-web", "demo-web-secret"), token).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
			.expectBody()
			.json("""
					{"active":true,"scope":"read:projects","client_id":"demo-m2m","sub":"demo-m2m",
					 "aud":"http://localhost:8081","iss":"%s","exp":%d,"iat":%d,"jti":"%s",
					 "org":"org_acme","role":"member",
					 "permissions":["projects:read","projects:write","deployments:read","deployments:write"],
					 "token_type":"Bearer"}""".formatted(server.baseUrl(), claims.getExpirationTime().getTime() / 1000,
					claims.getIssueTime().getTime() / 1000, claims.getJWTID()), JsonCompareMode.STRICT);
	}

	@Test
	void introspectWhenGarbageThenInactive() {
		introspect(basic(M2M_ID, M2M_SECRET), "garbage").expectStatus()
			.isOk()
			.expectBody()
			.json("{\"active\":false}", JsonCompareMode.STRICT);
	}

	@Test
	void introspectWhenRevokedThenInactive() {
		String token = m2mToken(client, null);
		post(client, "/oauth2/revoke", basic(M2M_ID, M2M_SECRET), form("token", token)).expectStatus().isOk();
		introspect(basic(M2M_ID, M2M_SECRET), token).expectStatus()
			.isOk()
			.expectBody()
			.json("{\"active\":false}", JsonCompareMode.STRICT);
	}

	@Test
	void introspectWhenTamperedThenInactive() {
		String token = m2mToken(client, null);
		String[] parts = token.split("\\.");
		String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
		introspect(basic(M2M_ID, M2M_SECRET), tampered).expectStatus()
			.isOk()
			.expectBody()
			.json("{\"active\":false}", JsonCompareMode.STRICT);
	}

	@Test
	void introspectWhenNoClientAuthenticationThenInvalidClient() {
		introspect(null, m2mToken(client, null)).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.exists(HttpHeaders.WWW_AUTHENTICATE)
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("invalid_client");
	}

	@Test
	void introspectWhenPublicClientThenInvalidClient() {
		post(client, "/oauth2/introspect", null, form("token", "x", "client_id", "demo-spa")).expectStatus()
			.isUnauthorized();
	}

	@Test
	void introspectWhenTokenMissingThenInvalidRequest() {
		post(client, "/oauth2/introspect", basic(M2M_ID, M2M_SECRET), form("token_type_hint", "access_token"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("invalid_request");
	}

}
