package dev.writ.server.oauth2.authorization;

import java.net.URI;
import java.util.Map;

import dev.writ.server.test.HttpBrowser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/** OpenID Connect RP-Initiated Logout 1.0 through {@code /connect/logout}. */
class RpInitiatedLogoutTests {

	static final String POST_LOGOUT = "http://127.0.0.1:3000/signed-out";

	@BeforeAll
	static void start() {
		AuthorizationCodeFlowTests.start();
	}

	@Test
	void logoutWhenIdTokenHintAndRegisteredRedirectThenConfirmThenBackToTheClientSignedOut() {
		HttpBrowser browser = AuthorizationCodeFlowTests.signedIn("gina@globex.test");
		String idToken = idToken(browser);
		String logout = UriComponentsBuilder.fromPath("/connect/logout")
			.queryParam("id_token_hint", idToken)
			.queryParam("post_logout_redirect_uri", POST_LOGOUT)
			.queryParam("state", "bye 1")
			.encode()
			.build()
			.toUriString();
		EntityExchangeResult<String> confirmation = browser.get(logout);
		assertThat(confirmation.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(confirmation.getResponseBody()).contains("Sign out?");
		EntityExchangeResult<String> done = browser.submit(confirmation.getResponseBody(), "/logout");
		assertThat(done.getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
		URI back = HttpBrowser.location(done);
		assertThat(back.toString()).startsWith(POST_LOGOUT + "?state=");
		assertThat(AuthorizationCodeFlowTests.query(back).getFirst("state")).isEqualTo("bye 1");
		assertThat(browser.cookies()).doesNotContainKey("writ_session");

		// signed out: the next authorization request needs a sign-in again
		EntityExchangeResult<String> again = browser.get(AuthorizationCodeFlowTests.authorizeUri("demo-web",
				"code_challenge", HttpBrowser.s256(HttpBrowser.codeVerifier()), "code_challenge_method", "S256"));
		assertThat(HttpBrowser.location(again).getPath()).isEqualTo("/login");
	}

	@Test
	void logoutWhenPostLogoutRedirectUriNotRegisteredThenErrorPageAndNoRedirect() {
		HttpBrowser browser = AuthorizationCodeFlowTests.signedIn("gina@globex.test");
		EntityExchangeResult<String> result = browser.get(UriComponentsBuilder.fromPath("/connect/logout")
			.queryParam("id_token_hint", idToken(browser))
			.queryParam("post_logout_redirect_uri", "https://attacker.test/")
			.encode()
			.build()
			.toUriString());
		assertThat(result.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(result.getResponseHeaders().getLocation()).isNull();
		assertThat(browser.cookies()).containsKey("writ_session");
	}

	@Test
	void logoutWhenRedirectWithoutHintOrClientThenErrorPage() {
		EntityExchangeResult<String> result = new HttpBrowser(AuthorizationCodeFlowTests.server.baseUrl())
			.get("/connect/logout?post_logout_redirect_uri=" + POST_LOGOUT);
		assertThat(result.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void logoutWhenIdTokenHintForgedThenErrorPage() {
		EntityExchangeResult<String> result = new HttpBrowser(AuthorizationCodeFlowTests.server.baseUrl())
			.get("/connect/logout?id_token_hint=eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0.");
		assertThat(result.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(result.getResponseBody()).contains("not valid");
	}

	@Test
	void logoutWhenNoSessionAndNoRedirectThenSignedOutPage() {
		EntityExchangeResult<String> result = new HttpBrowser(AuthorizationCodeFlowTests.server.baseUrl())
			.get("/connect/logout");
		assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(result.getResponseBody()).contains("You are signed out");
	}

	private static String idToken(HttpBrowser browser) {
		String verifier = HttpBrowser.codeVerifier();
		MultiValueMap<String, String> callback = AuthorizationCodeFlowTests.code(browser,
				AuthorizationCodeFlowTests.authorizeUri("demo-web", "scope", "openid", "code_challenge",
						HttpBrowser.s256(verifier), "code_challenge_method", "S256"));
		Map<String, Object> tokens = AuthorizationCodeFlowTests.exchange("demo-web", "demo-web-secret",
				callback.getFirst("code"), verifier);
		return (String) tokens.get("id_token");
	}

}
