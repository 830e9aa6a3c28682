package dev.writ.server.web;

import dev.writ.server.session.SessionApi;
import dev.writ.server.test.TestAuthServer;
import org.junit.jupiter.api.Test;

import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security headers of both chains, on the shared demo server (http issuer) and on the
 * test-pages server (https issuer).
 */
class BrowserSecurityHeadersTests {

	private static final String HSTS = "Strict-Transport-Security";

	private static void expectSecurityHeaders(WebTestClient.ResponseSpec response) {
		response.expectHeader()
			.valueEquals("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY)
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals("Referrer-Policy", "no-referrer")
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY");
	}

	@Test
	void browserPathWhenHttpIssuerThenSecurityHeadersWithoutHsts() {
		WebTestClient.ResponseSpec response = TestAuthServer.demo().client().get().uri(SessionApi.PATH).exchange();
		response.expectStatus().isUnauthorized();
		expectSecurityHeaders(response);
		response.expectHeader().doesNotExist(HSTS);
	}

	@Test
	void protocolPathWhenHttpIssuerThenSecurityHeadersWithoutHsts() {
		WebTestClient.ResponseSpec response = TestAuthServer.demo()
			.client()
			.get()
			.uri("/.well-known/openid-configuration")
			.exchange();
		response.expectStatus().isOk();
		expectSecurityHeaders(response);
		response.expectHeader().doesNotExist(HSTS);
	}

	@Test
	void protocolErrorWhenHttpIssuerThenSecurityHeaders() {
		WebTestClient.ResponseSpec response = TestAuthServer.demo().client().get().uri("/no-such-path").exchange();
		response.expectStatus().isNotFound();
		expectSecurityHeaders(response);
	}

	@Test
	void browserPathWhenHttpsIssuerThenHsts() {
		TestPages.server()
			.client()
			.get()
			.uri(SessionApi.PATH)
			.exchange()
			.expectHeader()
			.valueEquals(HSTS, "max-age=31536000 ; includeSubDomains");
	}

	@Test
	void protocolPathWhenHttpsIssuerThenHsts() {
		WebTestClient.ResponseSpec response = TestPages.server()
			.client()
			.get()
			.uri("/.well-known/openid-configuration")
			.exchange();
		expectSecurityHeaders(response);
		response.expectHeader().valueEquals(HSTS, "max-age=31536000 ; includeSubDomains");
	}

	@Test
	void pageWhenHandlerSetsItsOwnPolicyThenItSurvivesAndOtherHeadersStay() {
		WebTestClient.ResponseSpec response = TestPages.server().client().get().uri(TestPages.PAGE).exchange();
		response.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Content-Security-Policy", TestPages.PAGE_POLICY)
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals("Referrer-Policy", "no-referrer")
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY");
	}

	@Test
	void browserPathWhenFirstVisitThenReadableCsrfCookieSecureUnderHttpsIssuer() {
		ResponseCookie cookie = TestPages.server()
			.client()
			.get()
			.uri(SessionApi.PATH)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.returnResult(String.class)
			.getResponseCookies()
			.getFirst("XSRF-TOKEN");
		assertThat(cookie.getValue()).isNotEmpty();
		assertThat(cookie.isHttpOnly()).as("scripts send it back in X-XSRF-TOKEN").isFalse();
		assertThat(cookie.isSecure()).isTrue();
		assertThat(cookie.getSameSite()).isEqualTo("Lax");
		assertThat(cookie.getPath()).isEqualTo("/");
	}

	@Test
	void browserPathWhenHttpIssuerThenCsrfCookieNotSecure() {
		ResponseCookie cookie = TestAuthServer.demo()
			.client()
			.get()
			.uri(SessionApi.PATH)
			.exchange()
			.returnResult(String.class)
			.getResponseCookies()
			.getFirst("XSRF-TOKEN");
		assertThat(cookie.isSecure()).isFalse();
	}

	@Test
	void protocolPathWhenRequestedThenNoCsrfCookie() {
		TestAuthServer.demo()
			.client()
			.get()
			.uri("/.well-known/openid-configuration")
			.exchange()
			.expectCookie()
			.doesNotExist("XSRF-TOKEN");
	}

}
