package dev.writ.server.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.writ.server.test.BrowserRequests;
import dev.writ.server.test.TestAuthServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSRF protection of the browser chain, as a browser meets it: a page renders its masked
 * token, the form posts it back with the cookie.
 */
class CsrfProtectionTests {

	private static final Pattern HIDDEN_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static TestAuthServer server;

	@BeforeAll
	static void start() {
		server = TestPages.server();
	}

	/** A rendered page: its hidden token and the cookie the browser got with it. */
	private record Page(String token, String cookie) {
	}

	private static Page getPage(String cookie) {
		EntityExchangeResult<String> result = server.client().get().uri(TestPages.PAGE).cookies((cookies) -> {
			if (cookie != null) {
				cookies.add(BrowserRequests.CSRF_COOKIE, cookie);
			}
		}).exchange().expectStatus().isOk().expectBody(String.class).returnResult();
		Matcher field = HIDDEN_FIELD.matcher(result.getResponseBody());
		assertThat(field.find()).as(result.getResponseBody()).isTrue();
		String issued = (result.getResponseCookies().getFirst(BrowserRequests.CSRF_COOKIE) != null)
				? result.getResponseCookies().getFirst(BrowserRequests.CSRF_COOKIE).getValue() : cookie;
		return new Page(field.group(1), issued);
	}

	private static WebTestClient.ResponseSpec postForm(String cookie, String token) {
		BodyInserters.FormInserter<String> form = BodyInserters.fromFormData("note", "hello");
		if (token != null) {
			form = form.with("_csrf", token);
		}
		return server.client().post().uri(TestPages.PAGE).cookies((cookies) -> {
			if (cookie != null) {
				cookies.add(BrowserRequests.CSRF_COOKIE, cookie);
			}
		}).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).exchange();
	}

	@Test
	void formPostWhenRenderedTokenAndCookieThenAcceptedWithTheFormIntact() {
		Page page = getPage(null);
		assertThat(page.token()).as("masked, not the cookie's value").isNotEqualTo(page.cookie());
		postForm(page.cookie(), page.token()).expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("accepted hello");
	}

	@Test
	void formPostWhenTokenOfAnEarlierRenderingThenAccepted() {
		Page first = getPage(null);
		Page second = getPage(first.cookie());
		assertThat(second.cookie()).isEqualTo(first.cookie());
		assertThat(second.token()).as("masked afresh").isNotEqualTo(first.token());
		postForm(first.cookie(), first.token()).expectStatus().isOk();
		postForm(first.cookie(), second.token()).expectStatus().isOk();
	}

	@Test
	void formPostWhenNoTokenThenForbiddenJson() {
		Page page = getPage(null);
		postForm(page.cookie(), null).expectStatus().isForbidden().expectBody().json("""
				{"error":"access_denied","error_description":"CSRF token missing or invalid"}""", true);
	}

	@Test
	void formPostWhenNoCookieThenForbidden() {
		Page page = getPage(null);
		postForm(null, page.token()).expectStatus().isForbidden();
	}

	@Test
	void formPostWhenTokenRenderedForAnotherBrowserThenForbidden() {
		Page mine = getPage(null);
		Page theirs = getPage(null);
		postForm(mine.cookie(), theirs.token()).expectStatus().isForbidden();
	}

	@Test
	void formPostWhenCookieValueInTheFieldThenForbidden() {
		// a form must carry the masked value; the raw one is for the header
		Page page = getPage(null);
		postForm(page.cookie(), page.cookie()).expectStatus().isForbidden();
	}

	@Test
	void postWhenHeaderRepeatsCookieThenAccepted() {
		BrowserRequests.withCsrf(server.client())
			.post()
			.uri(TestPages.PAGE)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("note", "from a script"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("accepted from a script");
	}

	@Test
	void authorizationEndpointWhenCrossSitePostWithoutTokenThenNotRefusedForCsrf() {
		// OIDC Core §3.1.2.1: the client's page may post the request here
		server.client()
			.post()
			.uri("/oauth2/authorize")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("response_type", "code").with("client_id", "demo-web"))
			.exchange()
			.expectStatus()
			.value((status) -> assertThat(status).isNotEqualTo(403));
	}

}
