package dev.writ.server.session;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * The CSRF token a page renders into its forms, as a hidden field named
 * {@link CsrfToken#getParameterName()} ({@code _csrf}) with the value
 * {@link CsrfToken#getToken()}.
 *
 * <p>
 * The value is masked afresh on every response (Spring Security's XOR handling, against
 * BREACH-style compression attacks), so it differs from the {@code XSRF-TOKEN} cookie and
 * from one page to the next; every masked value is accepted in the form field. Scripts
 * that send the header {@code X-XSRF-TOKEN} send the cookie's value instead (the
 * double-submit pattern). Reading the token also makes sure the browser gets the cookie.
 */
public final class CsrfTokens {

	private CsrfTokens() {
	}

	/**
	 * The token of this request; an error for a path outside the browser security chain,
	 * whose forms could never be accepted.
	 */
	public static Mono<CsrfToken> of(ServerWebExchange exchange) {
		Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
		if (token == null) {
			return Mono.error(new IllegalStateException("No CSRF token for " + exchange.getRequest().getPath()
					+ ": the path is not covered by the browser security chain"));
		}
		return token;
	}

}
