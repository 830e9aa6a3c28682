package dev.writ.server.test;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access tokens the way clients get them, over real HTTP: a user's through the
 * authorization code flow (sign-in, consent, PKCE) with the confidential demo client, a
 * machine client's through client_credentials.
 */
public final class AccessTokens {

	/** The demo's confidential web client, whose scopes include the admin API's. */
	public static final String WEB = "demo-web";

	public static final String WEB_SECRET = "demo-web-secret";

	/** The demo's platform operator. */
	public static final String ADMIN = "demo-admin";

	public static final String ADMIN_SECRET = "demo-admin-secret";

	public static final String REDIRECT = "http://127.0.0.1:3000/callback";

	public static final String DEMO_PASSWORD = "writ-demo-password";

	private AccessTokens() {
	}

	/**
	 * An access token of {@code email}'s (signed in with {@code password}) for
	 * {@code scope}, speaking for {@code organizationId} (or the user's only organization
	 * when {@code null}).
	 */
	public static String forUser(TestAuthServer server, String email, String password, String scope,
			String organizationId) {
		return (String) tokenResponse(server, email, password, scope, organizationId).get("access_token");
	}

	/**
	 * The token response of the flow in
	 * {@link #forUser(TestAuthServer, String, String, String, String)}: with
	 * {@code openid} in the scope, it has an ID token too.
	 */
	public static Map<String, Object> tokenResponse(TestAuthServer server, String email, String password, String scope,
			String organizationId) {
		HttpBrowser browser = new HttpBrowser(server.baseUrl());
		assertThat(browser.signIn(email, password).getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
		return codeFlow(server, browser, WEB, WEB_SECRET, scope, organizationId);
	}

	/**
	 * The token response of the authorization code flow (PKCE, consent approved if asked)
	 * for the user {@code browser} is signed in as, with a client registered for
	 * {@link #REDIRECT}.
	 */
	public static Map<String, Object> codeFlow(TestAuthServer server, HttpBrowser browser, String clientId,
			String secret, String scope, String organizationId) {
		String verifier = HttpBrowser.codeVerifier();
		Map<String, String> values = new LinkedHashMap<>();
		values.put("response_type", "code");
		values.put("client_id", clientId);
		values.put("redirect_uri", REDIRECT);
		values.put("state", UUID.randomUUID().toString());
		values.put("scope", scope);
		values.put("code_challenge", HttpBrowser.s256(verifier));
		values.put("code_challenge_method", "S256");
		if (organizationId != null) {
			values.put("organization", organizationId);
		}
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/oauth2/authorize");
		values.keySet().forEach((name) -> uri.queryParam(name, "{" + name + "}"));
		EntityExchangeResult<String> result = browser.get(uri.encode().buildAndExpand(values).toUriString());
		if (result.getStatus() == HttpStatus.OK) {
			result = browser.submit(result.getResponseBody(), "/consent", "decision", "approve");
		}
		assertThat(result.getStatus().is3xxRedirection()).as(result.toString()).isTrue();
		URI location = HttpBrowser.location(result);
		assertThat(location.toString()).startsWith(REDIRECT);
		String code = UriUtils
			.decode(UriComponentsBuilder.fromUri(location).build(true).getQueryParams().getFirst("code"), "UTF-8");
		return response(server.client(), clientId, secret, TokenRequests.form("grant_type", "authorization_code",
				"code", code, "redirect_uri", REDIRECT, "code_verifier", verifier));
	}

	/**
	 * Like {@link #forUser(TestAuthServer, String, String, String, String)}, in the
	 * user's only organization.
	 */
	public static String forUser(TestAuthServer server, String email, String password, String scope) {
		return forUser(server, email, password, scope, null);
	}

	/** A client_credentials token of {@code clientId} for {@code scope}. */
	public static String forClient(TestAuthServer server, String clientId, String secret, String scope) {
		return token(server.client(), clientId, secret,
				TokenRequests.form("grant_type", "client_credentials", "scope", scope));
	}

	/** The platform operator's token for {@code scope}. */
	public static String forPlatform(TestAuthServer server, String scope) {
		return forClient(server, ADMIN, ADMIN_SECRET, scope);
	}

	private static String token(WebTestClient client, String clientId, String secret,
			MultiValueMap<String, String> form) {
		return (String) response(client, clientId, secret, form).get("access_token");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> response(WebTestClient client, String clientId, String secret,
			MultiValueMap<String, String> form) {
		return TokenRequests.post(client, "/oauth2/token", TokenRequests.basic(clientId, secret), form)
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

}
