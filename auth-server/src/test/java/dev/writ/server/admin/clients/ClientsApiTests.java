package dev.writ.server.admin.clients;

import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.writ.server.account.User;
import dev.writ.server.test.AccessTokens;
import dev.writ.server.test.AdminApiClient;
import dev.writ.server.test.AdminApiServer;
import dev.writ.server.test.AdminFixtures;
import dev.writ.server.test.Problems;
import dev.writ.server.test.TestAuthServer;
import dev.writ.server.test.TokenRequests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /admin/api/clients} over HTTP: who may call it, what each of them sees, every
 * refusal as an RFC 9457 problem, and the secret shown once.
 */
class ClientsApiTests {

	private static TestAuthServer server;

	private static AdminFixtures fixtures;

	private static AdminApiClient api;

	private static String platform;

	private String organization;

	private String adminToken;

	@BeforeAll
	static void start() {
		server = AdminApiServer.get();
		fixtures = new AdminFixtures(server);
		api = new AdminApiClient(server);
		platform = AccessTokens.forPlatform(server, "admin:clients");
	}

	@BeforeEach
	void organization() {
		this.organization = fixtures.organization();
		this.adminToken = fixtures.token(fixtures.member(this.organization, "admin"));
	}

	private String machine(String organization) {
		return """
				{"name": "Nightly job", "grantTypes": ["client_credentials"], "scopes": ["read:projects"],
				 "organization": "%s"}""".formatted(organization);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> created(WebTestClient.ResponseSpec response) {
		return response.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
	}

	private Map<String, Object> register(String token, String json) {
		return created(api.post("/admin/api/clients", token, json));
	}

	private static String id(Map<String, Object> client) {
		return (String) client.get("clientId");
	}

	private static WebTestClient.ResponseSpec clientCredentials(String clientId, String secret) {
		return TokenRequests.post(server.client(), "/oauth2/token", TokenRequests.basic(clientId, secret),
				TokenRequests.form("grant_type", "client_credentials"));
	}

	@Test
	void createWhenPlatformThenCreatedWithLocationAndTheSecretThisOnce() {
		Map<String, Object> client = created(api.post("/admin/api/clients", platform, machine(this.organization))
			.expectHeader()
			.cacheControl(CacheControl.noStore())
			.expectHeader()
			.value(HttpHeaders.LOCATION,
					(location) -> assertThat(location).matches("/admin/api/clients/cli_[0-9a-f]{32}")));

		assertThat(client).containsEntry("name", "Nightly job")
			.containsEntry("grantTypes", List.of("client_credentials"))
			.containsEntry("tokenEndpointAuthMethod", "client_secret_basic")
			.containsEntry("organization", this.organization)
			.containsEntry("organizationRole", "member")
			.containsEntry("accessTokenTimeToLive", "PT5M")
			.containsEntry("requirePkce", true)
			.containsEntry("hasSecret", true);
		String secret = (String) client.get("clientSecret");
		assertThat(secret).startsWith("writ_cs_");
		api.get("/admin/api/clients/" + id(client), platform)
			.expectStatus()
			.isOk()
			.expectHeader()
			.cacheControl(CacheControl.noStore())
			.expectBody()
			.jsonPath("$.clientId")
			.isEqualTo(id(client))
			.jsonPath("$.clientSecret")
			.doesNotExist();
		clientCredentials(id(client), secret).expectStatus().isOk();
	}

	@Test
	void createWhenRulesBrokenThenValidationProblemNamingEveryMember() {
		Map<String, Object> problem = Problems.expect(api.post("/admin/api/clients", platform, """
				{"name": "Web", "grantTypes": ["authorization_code", "implicit"],
				 "redirectUris": ["http://app.example.test/callback"], "scopes": ["openid", "bad scope"]}"""), 400,
				"validation");
		assertThat(problem.get("errors")).isEqualTo(List.of(
				Map.of("pointer", "#/grantTypes/1", "detail",
						"the implicit grant is not allowed: OAuth 2.1 removed it (RFC 9700 §2.4, §2.1.2)"),
				Map.of("pointer", "#/redirectUris/0", "detail",
						"must use https, or http to the loopback address 127.0.0.1 or [::1] (RFC 8252 §7.3)"),
				Map.of("pointer", "#/scopes/1", "detail", "must be a scope token (RFC 6749 §3.3)")));
	}

	@Test
	void createWhenMembersMissingOrOfTheWrongTypeThenValidationProblem() {
		Map<String, Object> problem = Problems.expect(api.post("/admin/api/clients", platform, """
				{"scopes": "read:projects", "redirectUris": [1], "requirePkce": "yes", "secret": "mine"}"""), 400,
				"validation");
		assertThat(problem.get("errors"))
			.isEqualTo(List.of(Map.of("pointer", "#/secret", "detail", "is not a member of this request"),
					Map.of("pointer", "#/name", "detail", "is required"),
					Map.of("pointer", "#/grantTypes", "detail", "is required"),
					Map.of("pointer", "#/redirectUris/0", "detail", "must be a string"),
					Map.of("pointer", "#/scopes", "detail", "must be an array of strings"),
					Map.of("pointer", "#/requirePkce", "detail", "must be true or false")));
	}

	@Test
	void createWhenOrganizationUnknownThenValidationProblem() {
		Problems.invalid(api.post("/admin/api/clients", platform, machine("org_nope")), "#/organization",
				"there is no organization 'org_nope'");
	}

	@Test
	void createWhenBodyIsNotJsonThenMalformedRequest() {
		Problems.expect(api.post("/admin/api/clients", platform, "{\"name\": "), 400, "malformed-request");
		Problems.expect(api.post("/admin/api/clients", platform, "[]"), 400, "malformed-request");
	}

	@Test
	void createWhenNotJsonThenUnsupportedMediaType() {
		Problems.expect(api.raw()
			.post()
			.uri("/admin/api/clients")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + platform)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("name=x")
			.exchange(), 415, "unsupported-media-type");
	}

	@Test
	void requestsWhenNoOrInvalidTokenThenUnauthorizedWithChallenge() {
		Problems.expect(
				api.get("/admin/api/clients", null).expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer"),
				401, "unauthorized");
		Problems.expect(api.post("/admin/api/clients", "not-a-token", machine(this.organization))
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""), 401, "unauthorized");
		Problems.expect(api.delete("/admin/api/clients/demo-web", null), 401, "unauthorized");
	}

	@Test
	void requestsWhenMachineTokenWithoutAdminClientsThenInsufficientScope() {
		String m2m = AccessTokens.forPlatform(server, "admin:users");
		Problems.expect(api.get("/admin/api/clients", m2m)
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\", scope=\"admin:clients\""),
				403, "forbidden");
		Problems.forbidden(api.post("/admin/api/clients/demo-m2m/secret", m2m, null));
	}

	@Test
	void requestsWhenUserTokenWithoutManageOrganizationThenInsufficientScope() {
		User admin = fixtures.member(this.organization, "admin");
		String openid = fixtures.token(admin, "openid", this.organization);
		Problems.expect(api.get("/admin/api/clients", openid)
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer error=\"insufficient_scope\", scope=\"manage:organization\""),
				403, "forbidden");
	}

	@Test
	void requestsWhenMemberWithoutClientsManageThenForbidden() {
		String member = fixtures.token(fixtures.member(this.organization, "member"));
		Map<String, Object> problem = Problems.forbidden(api.get("/admin/api/clients", member));
		assertThat(problem).containsEntry("detail", "this needs the permission 'clients:manage'");
		Problems.forbidden(api.post("/admin/api/clients", member, machine(this.organization)));
	}

	@Test
	void listWhenOrganizationAdminThenOnlyTheirOrganizationsClientsInPages() {
		String first = id(register(platform, machine(this.organization)));
		String second = id(register(platform, machine(this.organization)));
		register(platform, machine(fixtures.organization()));
		List<String> ours = List.of(first, second).stream().sorted().toList();

		api.get("/admin/api/clients", this.adminToken)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[*].clientId")
			.isEqualTo(ours)
			.jsonPath("$.next")
			.isEmpty();
		api.get("/admin/api/clients?limit=1", this.adminToken)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[*].clientId")
			.isEqualTo(List.of(ours.get(0)))
			.jsonPath("$.next")
			.isEqualTo(ours.get(0));
		api.get("/admin/api/clients?limit=1&after=" + ours.get(0), this.adminToken)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[*].clientId")
			.isEqualTo(List.of(ours.get(1)));
		// the platform sees every client, also those of no organization
		api.get("/admin/api/clients?limit=4&after=demo-", platform)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[*].clientId")
			.isEqualTo(List.of("demo-admin", "demo-m2m", "demo-spa", "demo-web"));
		assertThat(Problems.expect(api.get("/admin/api/clients?limit=0", platform), 400, "validation").get("errors"))
			.isEqualTo(List
				.of(Map.of("parameter", "limit", "detail", "must be given once, as a whole number from 1 to 100")));
	}

	@Test
	void requestsWhenClientOfAnotherOrNoOrganizationThenNotFoundForAnOrganizationAdmin() {
		String foreign = id(register(platform, machine(fixtures.organization())));
		for (String hidden : List.of(foreign, "demo-web", "cli_unknown")) {
			String path = "/admin/api/clients/" + hidden;
			Problems.expect(api.get(path, this.adminToken), 404, "not-found");
			Problems.expect(api.patch(path, this.adminToken, "{\"name\": \"Mine now\"}"), 404, "not-found");
			Problems.expect(api.post(path + "/secret", this.adminToken, null), 404, "not-found");
			Problems.expect(api.delete(path, this.adminToken), 404, "not-found");
		}
		api.get("/admin/api/clients/" + foreign, platform).expectStatus().isOk();
	}

	@Test
	void createWhenOrganizationAdminThenInTheirOrganizationAndNeverBeyondTheirRole() {
		Map<String, Object> client = register(this.adminToken, """
				{"name": "Deploy bot", "grantTypes": ["client_credentials"], "scopes": ["write:deployments"]}""");
		assertThat(client).containsEntry("organization", this.organization).containsEntry("organizationRole", "member");
		api.get("/admin/api/clients/" + id(client), this.adminToken).expectStatus().isOk();

		assertThat(Problems.forbidden(api.post("/admin/api/clients", this.adminToken, """
				{"name": "Owner bot", "grantTypes": ["client_credentials"], "organizationRole": "owner"}""")))
			.containsEntry("detail", "the role 'owner' has permissions beyond the administrator's role 'admin'");
		Problems.forbidden(api.post("/admin/api/clients", this.adminToken, """
				{"name": "Operator", "grantTypes": ["client_credentials"], "scopes": ["admin:users"]}"""));
		Problems.forbidden(api.post("/admin/api/clients", this.adminToken, machine(fixtures.organization())));
	}

	@Test
	void changesWhenClientActsAsMoreThanTheOrganizationAdminThenForbidden() {
		String owners = id(register(platform, """
				{"name": "Owner bot", "grantTypes": ["client_credentials"], "organization": "%s",
				 "organizationRole": "owner"}""".formatted(this.organization)));
		api.get("/admin/api/clients/" + owners, this.adminToken).expectStatus().isOk();
		Problems.forbidden(api.post("/admin/api/clients/" + owners + "/secret", this.adminToken, null));
		Problems.forbidden(api.patch("/admin/api/clients/" + owners, this.adminToken, "{\"name\": \"Mine\"}"));
		Problems.forbidden(api.delete("/admin/api/clients/" + owners, this.adminToken));
	}

	@Test
	void updateWhenPatchedThenOnlyTheMembersSentChange() {
		Map<String, Object> client = register(this.adminToken, """
				{"name": "Web app", "grantTypes": ["authorization_code", "refresh_token"],
				 "redirectUris": ["https://app.example.test/callback"], "scopes": ["openid", "offline_access"],
				 "refreshTokenIdleTimeToLive": "P7D"}""");
		api.patch("/admin/api/clients/" + id(client), this.adminToken, """
				{"name": "Web app 2", "accessTokenTimeToLive": "PT10M", "refreshTokenIdleTimeToLive": null}""")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Web app 2")
			.jsonPath("$.accessTokenTimeToLive")
			.isEqualTo("PT10M")
			.jsonPath("$.refreshTokenIdleTimeToLive")
			.isEmpty()
			.jsonPath("$.redirectUris")
			.isEqualTo(List.of("https://app.example.test/callback"))
			.jsonPath("$.clientSecret")
			.doesNotExist();
	}

	@Test
	void updateWhenInvalidThenValidationProblemAndUnchanged() {
		String clientId = id(register(platform, machine(this.organization)));
		Problems.invalid(api.patch("/admin/api/clients/" + clientId, platform, "{\"name\": null}"), "#/name",
				"must not be null");
		Problems.invalid(api.patch("/admin/api/clients/" + clientId, platform, "{\"grantTypes\": [\"password\"]}"),
				"#/grantTypes/0", "the password grant is not allowed: OAuth 2.1 removed it (RFC 9700 §2.4, §2.1.2)");
		Problems.invalid(
				api.patch("/admin/api/clients/" + clientId, platform, "{\"accessTokenTimeToLive\": \"PT25H\"}"),
				"#/accessTokenTimeToLive", "must not exceed PT24H (writ.token.max-access-token-time-to-live)");
		api.get("/admin/api/clients/" + clientId, platform)
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Nightly job")
			.jsonPath("$.accessTokenTimeToLive")
			.isEqualTo("PT5M");
	}

	@Test
	void updateWhenPublicClientBecomesConfidentialThenItsSecretThisOnce() {
		String clientId = id(register(platform, """
				{"name": "SPA", "grantTypes": ["authorization_code"], "tokenEndpointAuthMethod": "none",
				 "redirectUris": ["http://127.0.0.1:3000/callback"]}"""));
		api.patch("/admin/api/clients/" + clientId, platform, "{\"tokenEndpointAuthMethod\": \"client_secret_post\"}")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.hasSecret")
			.isEqualTo(true)
			.jsonPath("$.clientSecret")
			.value((secret) -> assertThat((String) secret).startsWith("writ_cs_"));
	}

	@SuppressWarnings("unchecked")
	@Test
	void rotateSecretWhenRotatedThenTheNewSecretOnceAndTheOldOneRefused() {
		Map<String, Object> client = register(platform, machine(this.organization));
		Map<String, Object> rotated = api.post("/admin/api/clients/" + id(client) + "/secret", platform, null)
			.expectStatus()
			.isOk()
			.expectHeader()
			.cacheControl(CacheControl.noStore())
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		String secret = (String) rotated.get("clientSecret");
		assertThat(secret).startsWith("writ_cs_").isNotEqualTo(client.get("clientSecret"));
		clientCredentials(id(client), (String) client.get("clientSecret")).expectStatus().isUnauthorized();
		clientCredentials(id(client), secret).expectStatus().isOk();
	}

	@Test
	void createWhenPrivateKeyJwtWithPublicKeysThenNoSecretAndTheKeysShown() throws Exception {
		ECKey key = new ECKeyGenerator(Curve.P_256).keyID("job-1").generate();
		String jwks = new JWKSet(key.toPublicJWK()).toString(true);
		Map<String, Object> client = register(platform,
				"""
						{"name": "Signing job", "grantTypes": ["client_credentials"], "tokenEndpointAuthMethod": "private_key_jwt",
						 "jwks": %s}"""
					.formatted(jwks));
		assertThat(client).containsEntry("hasSecret", false).doesNotContainKey("clientSecret");
		assertThat(client.get("jwks").toString()).contains("job-1").doesNotContain("\"d\"");
		Problems.invalid(
				api.post("/admin/api/clients", platform,
						"""
								{"name": "Leaky job", "grantTypes": ["client_credentials"], "tokenEndpointAuthMethod": "private_key_jwt",
								 "jwks": %s}"""
							.formatted(new JWKSet(key).toString(false))),
				"#/jwks", "must hold public keys only: a private key must never leave the client");
		Problems.invalid(api.post("/admin/api/clients", platform, """
				{"name": "Odd job", "grantTypes": ["client_credentials"], "tokenEndpointAuthMethod": "private_key_jwt",
				 "jwks": [1]}"""), "#/jwks", "must be an object");
	}

	@Test
	void rotateSecretWhenClientHasNoSecretThenConflict() {
		Problems.expect(api.post("/admin/api/clients/demo-spa/secret", platform, null), 409, "conflict");
	}

	@SuppressWarnings("unchecked")
	@Test
	void deleteWhenDeletedThenGoneAndItsTokensRevoked() {
		Map<String, Object> client = register(platform, machine(this.organization));
		Map<String, Object> token = clientCredentials(id(client), (String) client.get("clientSecret")).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();

		api.delete("/admin/api/clients/" + id(client), platform).expectStatus().isNoContent();

		Problems.expect(api.get("/admin/api/clients/" + id(client), platform), 404, "not-found");
		Problems.expect(api.delete("/admin/api/clients/" + id(client), platform), 404, "not-found");
		TokenRequests
			.post(server.client(), "/oauth2/introspect", TokenRequests.basic("demo-web", "demo-web-secret"),
					TokenRequests.form("token", (String) token.get("access_token")))
			.expectBody()
			.jsonPath("$.active")
			.isEqualTo(false);
	}

	@Test
	void clientsWhenMethodNotServedThenMethodNotAllowed() {
		api.raw()
			.put()
			.uri("/admin/api/clients/demo-web")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + platform)
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.value(HttpHeaders.ALLOW,
					(allow) -> assertThat(allow.split(",\\s*")).containsExactlyInAnyOrder("GET", "PATCH", "DELETE"));
		api.raw().get().uri("/admin/api/clients/demo-web/secret").exchange().expectStatus().isEqualTo(405);
	}

}
