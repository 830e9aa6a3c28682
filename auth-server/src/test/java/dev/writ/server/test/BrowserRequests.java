package dev.writ.server.test;

import java.util.UUID;

import org.springframework.test.web.reactive.server.WebTestClient;

/** Requests as a browser's own scripts send them to the browser paths. */
public final class BrowserRequests {

	public static final String CSRF_COOKIE = "XSRF-TOKEN";

	public static final String CSRF_HEADER = "X-XSRF-TOKEN";

	private BrowserRequests() {
	}

	/**
	 * A client that sends a CSRF cookie and the same value in the header, as a page's
	 * script copies it (the double-submit pattern).
	 */
	public static WebTestClient withCsrf(WebTestClient client) {
		String token = UUID.randomUUID().toString();
		return client.mutate().defaultCookie(CSRF_COOKIE, token).defaultHeader(CSRF_HEADER, token).build();
	}

}
