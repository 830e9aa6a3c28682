package dev.writ.server.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.writ.server.session.CsrfTokens;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.lang.Nullable;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.HtmlUtils;

import reactor.core.publisher.Mono;

/**
 * The frame every page shares and the few helpers pages need: escaping, the CSRF field,
 * and a response that no cache keeps. Pages are plain HTML built here rather than
 * templates: there are few of them, and every value goes through {@link #escape}.
 */
final class Pages {

	/**
	 * Chrome applies {@code form-action} to the redirects after a form is sent, so a page
	 * whose form ends at the client's redirect URI must allow that origin.
	 */
	private static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
			+ "form-action 'self'%s; frame-ancestors 'none'; base-uri 'none'";

	private Pages() {
	}

	static String escape(@Nullable String text) {
		return (text != null) ? HtmlUtils.htmlEscape(text) : "";
	}

	static String page(String title, String body) {
		return page(title, body, false);
	}

	static String page(String title, String body, boolean wide) {
		return """
				<!doctype html>
				<html lang="en">
				<head>
				<meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<meta name="referrer" content="no-referrer">
				<title>%s · Writ</title>
				<link rel="stylesheet" href="/assets/writ.css">
				</head>
				<body>
				<main%s>
				<p class="brand" aria-hidden="true">WRIT</p>
				%s
				</main>
				</body>
				</html>
				""".formatted(escape(title), wide ? " class=\"wide\"" : "", body);
	}

	/**
	 * The hidden field that carries the CSRF token of the request's double-submit cookie.
	 */
	static Mono<String> csrfField(ServerRequest request) {
		return CsrfTokens.of(request.exchange())
			.map((csrf) -> "<input type=\"hidden\" name=\"%s\" value=\"%s\">".formatted(escape(csrf.getParameterName()),
					escape(csrf.getToken())));
	}

	static String hiddenFields(Map<String, String> fields) {
		StringBuilder html = new StringBuilder();
		fields.forEach((name, value) -> html.append("<input type=\"hidden\" name=\"")
			.append(escape(name))
			.append("\" value=\"")
			.append(escape(value))
			.append("\">\n"));
		return html.toString();
	}

	static Mono<ServerResponse> html(HttpStatus status, String html) {
		return html(status, html, null);
	}

	/**
	 * @param formTarget an origin a form on the page may end up at, besides this server,
	 * or {@code null}
	 */
	static Mono<ServerResponse> html(HttpStatus status, String html, @Nullable String formTarget) {
		return builder(status, formTarget).bodyValue(html);
	}

	/** A page response still open for headers (such as {@code Retry-After}). */
	static ServerResponse.BodyBuilder builder(HttpStatus status, @Nullable String formTarget) {
		return ServerResponse.status(status)
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.PRAGMA, "no-cache")
			.header("Content-Security-Policy", CSP.formatted((formTarget != null) ? " " + formTarget : ""));
	}

	static Mono<ServerResponse> seeOther(String location) {
		return ServerResponse.status(HttpStatus.SEE_OTHER)
			.header(HttpHeaders.LOCATION, location)
			.cacheControl(CacheControl.noStore())
			.build();
	}

}
