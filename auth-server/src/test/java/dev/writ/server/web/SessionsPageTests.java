package dev.writ.server.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.writ.server.test.HttpBrowser;
import dev.writ.server.test.TestAuthServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The sessions page: the user's sessions, and ending another one of them. */
class SessionsPageTests {

	private static final Pattern REVOKE = Pattern.compile("action=\"(/account/sessions/[^\"]+/revoke)\"");

	static TestAuthServer server;

	@BeforeAll
	static void start() {
		server = TestAuthServer.demo();
	}

	@Test
	void revokeWhenAnotherOfTheUsersSessionsThenThatBrowserIsSignedOut() {
		HttpBrowser laptop = signedIn("adam@acme.test", "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");
		HttpBrowser phone = signedIn("adam@acme.test",
				"Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 Mobile Safari/604.1");
		EntityExchangeResult<String> page = laptop.get("/account/sessions");
		assertThat(page.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(page.getResponseBody()).contains("Firefox on Linux")
			.contains("Safari on iPhone")
			.contains("This browser");
		Matcher revoke = REVOKE.matcher(page.getResponseBody());
		assertThat(revoke.find()).isTrue();
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("_csrf", HttpBrowser.hiddenFields(page.getResponseBody()).getFirst("_csrf"));
		assertThat(laptop.post(revoke.group(1), form).getStatus()).isEqualTo(HttpStatus.SEE_OTHER);

		EntityExchangeResult<String> phonePage = phone.get("/account/sessions");
		assertThat(phonePage.getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
		assertThat(HttpBrowser.location(phonePage).getPath()).isEqualTo("/login");
		assertThat(laptop.get("/account/sessions").getResponseBody()).doesNotContain("Safari on iPhone");
	}

	@Test
	void revokeWhenPostedWithoutCsrfTokenThenForbidden() {
		HttpBrowser laptop = signedIn("adam@acme.test", "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");
		EntityExchangeResult<String> result = laptop.post("/account/sessions/some-id/revoke",
				new LinkedMultiValueMap<>());
		assertThat(result.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void showWhenSignedOutThenSignInFirst() {
		EntityExchangeResult<String> result = new HttpBrowser(server.baseUrl()).get("/account/sessions");
		assertThat(result.getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
		assertThat(HttpBrowser.location(result).toString()).isEqualTo("/login?continue=%2Faccount%2Fsessions");
	}

	private static HttpBrowser signedIn(String email, String userAgent) {
		HttpBrowser browser = new HttpBrowser(server.baseUrl()).userAgent(userAgent);
		assertThat(browser.signIn(email, "writ-demo-password").getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
		return browser;
	}

}
