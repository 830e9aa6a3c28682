package dev.writ.server.oauth2.authorization;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jwt.SignedJWT;
import dev.writ.server.test.HttpBrowser;
import dev.writ.server.test.TestAuthServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import static dev.writ.server.test.TokenRequests.basic;
import static dev.writ.server.test.TokenRequests.form;
import static dev.writ.server.test.TokenRequests.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization code flow over real HTTP: sign-in, consent, code, tokens, and every
 * refusal the flow owes an attacker.
 */
class AuthorizationCodeFlowTests {

	static final String WEB = "demo-web";

	static final String WEB_SECRET = "demo-web-secret";

	static final String SPA = "demo-spa";

	static final String REDIRECT = "http://127.0.0.1:3000/callback";

	static final String PASSWORD = "writ-demo-password";

	static TestAuthServer server;

	static WebTestClient client;

	@BeforeAll
	static void start() {
		server = TestAuthServer.demo();
		client = server.client();
	}

	/** Values go in as template variables, so a '+' in the state is sent as %2B. */
	static String authorizeUri(String clientId, String... extra) {
		Map<String, String> values = new java.util.LinkedHashMap<>();
		values.put("response_type", "code");
		values.put("client_id", clientId);
		values.put("redirect_uri", REDIRECT);
		values.put("state", "st+" + UUID.randomUUID());
		for (int i = 0; i < extra.length; i += 2) {
			values.put(extra[i], extra[i + 1]);
		}
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/oauth2/authorize");
		values.keySet().forEach((name) -> uri.queryParam(name, "{" + name + "}"));
		return uri.encode().buildAndExpand(values).toUriString();
	}

	static MultiValueMap<String, String> query(URI location) {
		return UriComponentsBuilder.fromUri(location)
			.build(true)
			.getQueryParams()
			.entrySet()
			.stream()
			.collect(org.springframework.util.LinkedMultiValueMap::new,
					(map, entry) -> entry.getValue()
						.forEach((value) -> map.add(entry.getKey(),
								org.springframework.web.util.UriUtils.decode(value, "UTF-8"))),
					org.springframework.util.LinkedMultiValueMap::addAll);
	}

	/** Signs in as {@code email}, consents if asked, and answers the callback's query. */
	static MultiValueMap<String, String> code(HttpBrowser browser, String authorizeUri) {
		EntityExchangeResult<String> result = browser.get(authorizeUri);
		if (result.getStatus().value() == 303 && HttpBrowser.location(result).getPath().equals("/login")) {
			throw new IllegalStateException("sign in first");
		}
		if (result.getStatus() == HttpStatus.OK) {
			assertThat(result.getResponseBody()).contains("to access your account?");
			result = browser.submit(result.getResponseBody(), "/consent", "decision", "approve");
		}
		assertThat(result.getStatus().is3xxRedirection()).as(result.toString()).isTrue();
		URI location = HttpBrowser.location(result);
		assertThat(location.toString()).startsWith(REDIRECT);
		return query(location);
	}

	static HttpBrowser signedIn(String email) {
		HttpBrowser browser = new HttpBrowser(server.baseUrl());
		EntityExchangeResult<String> signIn = browser.signIn(email, PASSWORD);
		assertThat(signIn.getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
		return browser;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> exchange(String clientId, String secret, String code, String verifier) {
		MultiValueMap<String, String> form = form("grant_type", "authorization_code", "code", code, "redirect_uri",
				REDIRECT, "code_verifier", verifier);
		if (secret == null) {
			form.add("client_id", clientId);
		}
		return post(client, "/oauth2/token", (secret != null) ? basic(clientId, secret) : null, form).expectStatus()
			.isOk()
			.expectHeader()
			.cacheControl(org.springframework.http.CacheControl.noStore())
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	@Test
	void codeFlowWhenConfidentialClientWithPkceThenTokensWithContractClaims() throws Exception {
		HttpBrowser browser = signedIn("alice@acme.test");
		String verifier = HttpBrowser.codeVerifier();
		String authorize = authorizeUri(WEB, "scope", "openid profile email offline_access read:projects", "nonce",
				"n-0S6_WzA2Mj", "code_challenge", HttpBrowser.s256(verifier), "code_challenge_method", "S256", "prompt",
				"consent");
		MultiValueMap<String, String> callback = code(browser, authorize);
		assertThat(callback.getFirst("iss")).isEqualTo(server.baseUrl());
		assertThat(callback.getFirst("state")).startsWith("st+");
		Map<String, Object> tokens = exchange(WEB, WEB_SECRET, callback.getFirst("code"), verifier);
		assertThat(tokens).containsKeys("access_token", "refresh_token", "id_token")
			.containsEntry("token_type", "Bearer")
			.containsEntry("scope", "openid profile email offline_access read:projects");
		assertThat((String) tokens.get("refresh_token")).startsWith("writ_rt_");

		SignedJWT access = SignedJWT.parse((String) tokens.get("access_token"));
		assertThat(access.getHeader().getType().getType()).isEqualTo("at+jwt");
		Map<String, Object> claims = access.getJWTClaimsSet().getClaims();
		assertThat(claims).containsEntry("sub", "usr_alice")
			.containsEntry("client_id", WEB)
			.containsEntry("org", "org_acme")
			.containsEntry("role", "owner")
			.containsKeys("sid", "auth_time", "jti");

		SignedJWT id = SignedJWT.parse((String) tokens.get("id_token"));
		assertThat(id.getHeader().getType().getType()).isEqualTo("JWT");
		assertThat(id.getJWTClaimsSet().getAudience()).containsExactly(WEB);
		assertThat(id.getJWTClaimsSet().getClaims()).containsEntry("nonce", "n-0S6_WzA2Mj")
			.containsEntry("sub", "usr_alice")
			.containsEntry("sid", claims.get("sid"))
			.containsEntry("auth_time", claims.get("auth_time"))
			.containsEntry("acr", "1")
			.containsEntry("at_hash", leftHalfSha256((String) tokens.get("access_token")));

		client.get()
			.uri("/userinfo")
			.header("Authorization", "Bearer " + tokens.get("access_token"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.sub")
			.isEqualTo("usr_alice")
			.jsonPath("$.email")
			.isEqualTo("alice@acme.test")
			.jsonPath("$.email_verified")
			.isEqualTo(true)
			.jsonPath("$.name")
			.isEqualTo("Alice Acme");
	}

	@Test
	void codeFlowWhenPublicClientThenTokensWithoutClientSecret() {
		HttpBrowser browser = signedIn("adam@acme.test");
		String verifier = HttpBrowser.codeVerifier();
		MultiValueMap<String, String> callback = code(browser, authorizeUri(SPA, "scope", "openid read:projects",
				"code_challenge", HttpBrowser.s256(verifier), "code_challenge_method", "S256"));
		Map<String, Object> tokens = exchange(SPA, null, callback.getFirst("code"), verifier);
		assertThat(tokens).containsKeys("access_token", "id_token").doesNotContainKey("refresh_token");
	}

	@Test
	void authorizeWhenRedirectUriNotRegisteredThenErrorPageAndNoRedirect() {
		HttpBrowser browser = new HttpBrowser(server.baseUrl());
		EntityExchangeResult<String> result = browser.get(UriComponentsBuilder.fromPath("/oauth2/authorize")
			.queryParam("response_type", "code")
			.queryParam("client_id", WEB)
			.queryParam("redirect_uri", "https://attacker.test/callback")
			.queryParam("code_challenge", HttpBrowser.s256(HttpBrowser.codeVerifier()))
			.queryParam("code_challenge_method", "S256")
			.encode()
			.build()
			.toUriString());
		assertThat(result.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(result.getResponseHeaders().getLocation()).isNull();
		assertThat(result.getResponseBody()).contains("This sign-in request is not valid")
			.contains("redirect_uri is not registered");
	}

	@Test
	void authorizeWhenUnknownClientThenErrorPage() {
		EntityExchangeResult<String> result = new HttpBrowser(server.baseUrl()).get(authorizeUri("no-such-client",
				"code_challenge", HttpBrowser.s256(HttpBrowser.codeVerifier()), "code_challenge_method", "S256"));
		assertThat(result.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(result.getResponseHeaders().getLocation()).isNull();
	}

	@Test
	void authorizeWhenPublicClientWithoutPkceThenInvalidRequestAtRedirectUri() {
		EntityExchangeResult<String> result = signedIn("adam@acme.test").get(authorizeUri(SPA, "scope", "openid"));
		assertThat(result.getStatus()).isEqualTo(HttpStatus.FOUND);
		MultiValueMap<String, String> callback = query(HttpBrowser.location(result));
		assertThat(callback.getFirst("error")).isEqualTo("invalid_request");
		assertThat(callback.getFirst("error_description")).contains("code_challenge is required");
		assertThat(callback.getFirst("iss")).isEqualTo(server.baseUrl());
		assertThat(callback.getFirst("state")).startsWith("st+");
		assertThat(callback).doesNotContainKey("code");
	}

	@Test
	void authorizeWhenPlainCodeChallengeMethodThenInvalidRequest() {
		String verifier = HttpBrowser.codeVerifier();
		EntityExchangeResult<String> result = signedIn("adam@acme.test")
			.get(authorizeUri(WEB, "code_challenge", verifier, "code_challenge_method", "plain"));
		MultiValueMap<String, String> callback = query(HttpBrowser.location(result));
		assertThat(callback.getFirst("error")).isEqualTo("invalid_request");
		assertThat(callback.getFirst("error_description")).contains("S256");
	}

	@Test
	void authorizeWhenChallengeWithoutMethodThenRefusedAsPlain() {
		EntityExchangeResult<String> result = signedIn("adam@acme.test")
			.get(authorizeUri(WEB, "code_challenge", HttpBrowser.s256(HttpBrowser.codeVerifier())));
		assertThat(query(HttpBrowser.location(result)).getFirst("error")).isEqualTo("invalid_request");
	}

	@Test
	void authorizeWhenPromptNoneWithoutSessionThenLoginRequired() {
		EntityExchangeResult<String> result = new HttpBrowser(server.baseUrl()).get(authorizeUri(WEB, "prompt", "none",
				"code_challenge", HttpBrowser.s256(HttpBrowser.codeVerifier()), "code_challenge_method", "S256"));
		assertThat(result.getStatus()).isEqualTo(HttpStatus.FOUND);
		assertThat(query(HttpBrowser.location(result)).getFirst("error")).isEqualTo("login_required");
	}

	@Test
	void authorizeWhenNoSessionThenSignInPageThenBackToTheRequest() {
		HttpBrowser browser = new HttpBrowser(server.baseUrl());
		String verifier = HttpBrowser.codeVerifier();
		String authorize = authorizeUri(WEB, "scope", "read:projects", "code_challenge", HttpBrowser.s256(verifier),
				"code_challenge_method", "S256", "login_hint", "gina@globex.test");
		EntityExchangeResult<String> first = browser.get(authorize);
		assertThat(first.getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
		URI signIn = HttpBrowser.location(first);
		assertThat(signIn.getPath()).isEqualTo("/login");
		EntityExchangeResult<String> page = browser.get(signIn.toString());
		assertThat(page.getResponseBody()).contains("value=\"gina@globex.test\"");
		assertThat(page.getResponseHeaders().getFirst("Content-Security-Policy"))
			.contains("form-action 'self' http://127.0.0.1:3000");
		EntityExchangeResult<String> signedIn = browser.submit(page.getResponseBody(), "/login", "email",
				"gina@globex.test", "password", PASSWORD);
		assertThat(signedIn.getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
		assertThat(HttpBrowser.location(signedIn).toString()).startsWith("/oauth2/authorize?");
		MultiValueMap<String, String> callback = code(browser, HttpBrowser.location(signedIn).toString());
		assertThat(callback.getFirst("code")).isNotBlank();
	}

	@Test
	void tokenWhenCodeVerifierWrongThenInvalidGrant() {
		String verifier = HttpBrowser.codeVerifier();
		MultiValueMap<String, String> callback = code(signedIn("adam@acme.test"), authorizeUri(WEB, "scope",
				"read:projects", "code_challenge", HttpBrowser.s256(verifier), "code_challenge_method", "S256"));
		expectError(post(client, "/oauth2/token", basic(WEB, WEB_SECRET),
				form("grant_type", "authorization_code", "code", callback.getFirst("code"), "redirect_uri", REDIRECT,
						"code_verifier", HttpBrowser.codeVerifier())),
				"invalid_grant");
	}

	@Test
	void tokenWhenCodeReplayedThenInvalidGrantAndFirstTokensRevoked() {
		String verifier = HttpBrowser.codeVerifier();
		MultiValueMap<String, String> callback = code(signedIn("alice@acme.test"),
				authorizeUri(WEB, "scope", "openid offline_access read:projects", "code_challenge",
						HttpBrowser.s256(verifier), "code_challenge_method", "S256", "prompt", "consent"));
		Map<String, Object> tokens = exchange(WEB, WEB_SECRET, callback.getFirst("code"), verifier);
		assertThat(introspect((String) tokens.get("access_token"))).isTrue();

		expectError(
				post(client, "/oauth2/token", basic(WEB, WEB_SECRET), form("grant_type", "authorization_code", "code",
						callback.getFirst("code"), "redirect_uri", REDIRECT, "code_verifier", verifier)),
				"invalid_grant");

		assertThat(introspect((String) tokens.get("access_token"))).isFalse();
		expectError(refresh((String) tokens.get("refresh_token"), null), "invalid_grant");
	}

	@Test
	void tokenWhenCodeRedeemedByAnotherClientThenInvalidGrantAndCodeStillGood() {
		String verifier = HttpBrowser.codeVerifier();
		MultiValueMap<String, String> callback = code(signedIn("adam@acme.test"), authorizeUri(WEB, "scope",
				"read:projects", "code_challenge", HttpBrowser.s256(verifier), "code_challenge_method", "S256"));
		expectError(
				post(client, "/oauth2/token", null, form("grant_type", "authorization_code", "client_id", SPA, "code",
						callback.getFirst("code"), "redirect_uri", REDIRECT, "code_verifier", verifier)),
				"invalid_grant");
		assertThat(exchange(WEB, WEB_SECRET, callback.getFirst("code"), verifier)).containsKey("access_token");
	}

	@Test
	void tokenWhenRedirectUriDiffersThenInvalidGrant() {
		String verifier = HttpBrowser.codeVerifier();
		MultiValueMap<String, String> callback = code(signedIn("adam@acme.test"), authorizeUri(WEB, "scope",
				"read:projects", "code_challenge", HttpBrowser.s256(verifier), "code_challenge_method", "S256"));
		expectError(post(client, "/oauth2/token", basic(WEB, WEB_SECRET),
				form("grant_type", "authorization_code", "code", callback.getFirst("code"), "redirect_uri",
						"http://127.0.0.1:3001/callback", "code_verifier", verifier)),
				"invalid_grant");
	}

	@Test
	void refreshWhenRotatedThenOldTokenReuseRevokesTheFamily() {
		Map<String, Object> tokens = offlineTokens("alice@acme.test");
		String first = (String) tokens.get("refresh_token");
		Map<String, Object> rotated = refreshOk(first, null);
		String second = (String) rotated.get("refresh_token");
		assertThat(second).isNotEqualTo(first);
		assertThat(introspect((String) rotated.get("access_token"))).isTrue();

		expectError(refresh(first, null), "invalid_grant");

		expectError(refresh(second, null), "invalid_grant");
		assertThat(introspect((String) rotated.get("access_token"))).isFalse();
		assertThat(introspect((String) tokens.get("access_token"))).isFalse();
	}

	@Test
	void revokeWhenRefreshTokenThenFamilyAndItsAccessTokensEnd() {
		Map<String, Object> tokens = offlineTokens("gina@globex.test");
		String refreshToken = (String) tokens.get("refresh_token");
		assertThat(introspect(refreshToken)).isTrue();
		post(client, "/oauth2/revoke", basic(WEB, WEB_SECRET), form("token", refreshToken)).expectStatus().isOk();
		assertThat(introspect(refreshToken)).isFalse();
		assertThat(introspect((String) tokens.get("access_token"))).isFalse();
		expectError(refresh(refreshToken, null), "invalid_grant");
	}

	@Test
	void refreshWhenScopeWidensThenInvalidScopeAndTokenStillUsable() {
		Map<String, Object> tokens = offlineTokens("adam@acme.test");
		String refreshToken = (String) tokens.get("refresh_token");
		expectError(refresh(refreshToken, "openid offline_access read:projects write:projects"), "invalid_scope");
		Map<String, Object> narrowed = refreshOk(refreshToken, "read:projects");
		assertThat(narrowed).containsEntry("scope", "read:projects");
	}

	@Test
	void signInWhenPostedWithoutCsrfTokenThenForbidden() {
		HttpBrowser browser = new HttpBrowser(server.baseUrl());
		browser.get("/login");
		EntityExchangeResult<String> result = browser.post("/login",
				form("email", "alice@acme.test", "password", PASSWORD));
		assertThat(result.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(result.getResponseCookies()).doesNotContainKey("writ_session");
	}

	@Test
	void authorizeWhenConsentRememberedThenNoConsentPageUntilPromptConsent() {
		HttpBrowser browser = signedIn("gina@globex.test");
		String challenge = HttpBrowser.s256(HttpBrowser.codeVerifier());
		code(browser, authorizeUri(WEB, "scope", "openid email", "code_challenge", challenge, "code_challenge_method",
				"S256"));
		EntityExchangeResult<String> again = browser
			.get(authorizeUri(WEB, "scope", "email", "code_challenge", challenge, "code_challenge_method", "S256"));
		assertThat(again.getStatus()).isEqualTo(HttpStatus.FOUND);
		EntityExchangeResult<String> asked = browser.get(authorizeUri(WEB, "scope", "email", "prompt", "consent",
				"code_challenge", challenge, "code_challenge_method", "S256"));
		assertThat(asked.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(asked.getResponseBody()).contains("See your email address");
	}

	@Test
	void consentWhenDeniedThenAccessDenied() {
		HttpBrowser browser = signedIn("adam@acme.test");
		EntityExchangeResult<String> page = browser
			.get(authorizeUri(WEB, "scope", "write:projects", "prompt", "consent", "code_challenge",
					HttpBrowser.s256(HttpBrowser.codeVerifier()), "code_challenge_method", "S256"));
		EntityExchangeResult<String> denied = browser.submit(page.getResponseBody(), "/consent", "decision", "deny");
		assertThat(denied.getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
		assertThat(query(HttpBrowser.location(denied)).getFirst("error")).isEqualTo("access_denied");
	}

	@Test
	void authorizeWhenMaxAgeExceededThenSignInAgainAndTheResumedRequestDropsIt() {
		HttpBrowser browser = signedIn("gina@globex.test");
		EntityExchangeResult<String> result = browser.get(authorizeUri(WEB, "max_age", "0", "prompt", "consent",
				"code_challenge", HttpBrowser.s256(HttpBrowser.codeVerifier()), "code_challenge_method", "S256"));
		assertThat(result.getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
		URI signIn = HttpBrowser.location(result);
		assertThat(signIn.getPath()).isEqualTo("/login");
		String resumed = query(signIn).getFirst("continue");
		assertThat(resumed).startsWith("/oauth2/authorize?").doesNotContain("max_age").contains("prompt=consent");
	}

	@Test
	void userInfoWhenPostedWithTokenInFormThenClaims() {
		Map<String, Object> tokens = offlineTokens("adam@acme.test");
		post(client, "/userinfo", null, form("access_token", (String) tokens.get("access_token"))).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.sub")
			.isEqualTo("usr_adam")
			.jsonPath("$.email")
			.doesNotExist();
	}

	@Test
	void userInfoWhenTokenRevokedThenInvalidToken() {
		Map<String, Object> tokens = offlineTokens("adam@acme.test");
		String accessToken = (String) tokens.get("access_token");
		post(client, "/oauth2/revoke", basic(WEB, WEB_SECRET), form("token", accessToken)).expectStatus().isOk();
		client.get()
			.uri("/userinfo")
			.header("Authorization", "Bearer " + accessToken)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueMatches("WWW-Authenticate", "Bearer error=\"invalid_token\".*");
	}

	@Test
	void userInfoWhenTokenInHeaderAndFormThenInvalidRequest() {
		Map<String, Object> tokens = offlineTokens("adam@acme.test");
		String accessToken = (String) tokens.get("access_token");
		expectError(post(client, "/userinfo", "Bearer " + accessToken, form("access_token", accessToken)),
				"invalid_request");
	}

	@Test
	void userInfoWhenTokenWithoutOpenIdThenInsufficientScope() {
		String accessToken = dev.writ.server.test.TokenRequests.m2mToken(client, "read:projects");
		client.get()
			.uri("/userinfo")
			.header("Authorization", "Bearer " + accessToken)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.valueMatches("WWW-Authenticate", "Bearer error=\"insufficient_scope\".*");
	}

	@Test
	void userInfoWhenNoTokenThenBearerChallenge() {
		client.get()
			.uri("/userinfo")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("WWW-Authenticate", "Bearer");
		client.get()
			.uri("/userinfo")
			.header("Authorization", "Bearer not-a-token")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueMatches("WWW-Authenticate", "Bearer error=\"invalid_token\".*");
	}

	/** OpenID Connect Core §3.1.3.6 for RS256, the demo's algorithm. */
	static String leftHalfSha256(String accessToken) throws Exception {
		byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
			.digest(accessToken.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 16));
	}

	static Map<String, Object> offlineTokens(String email) {
		String verifier = HttpBrowser.codeVerifier();
		MultiValueMap<String, String> callback = code(signedIn(email),
				authorizeUri(WEB, "scope", "openid offline_access read:projects", "code_challenge",
						HttpBrowser.s256(verifier), "code_challenge_method", "S256", "prompt", "consent"));
		return exchange(WEB, WEB_SECRET, callback.getFirst("code"), verifier);
	}

	static WebTestClient.ResponseSpec refresh(String refreshToken, String scope) {
		MultiValueMap<String, String> form = form("grant_type", "refresh_token", "refresh_token", refreshToken);
		if (scope != null) {
			form.add("scope", scope);
		}
		return post(client, "/oauth2/token", basic(WEB, WEB_SECRET), form);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> refreshOk(String refreshToken, String scope) {
		return refresh(refreshToken, scope).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	/** RFC 6749 §5.2: 400 with this error code. */
	static void expectError(WebTestClient.ResponseSpec response, String error) {
		response.expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo(error);
	}

	@SuppressWarnings("unchecked")
	static boolean introspect(String token) {
		Map<String, Object> body = post(client, "/oauth2/introspect", basic(WEB, WEB_SECRET), form("token", token))
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return Boolean.TRUE.equals(body.get("active"));
	}

}
