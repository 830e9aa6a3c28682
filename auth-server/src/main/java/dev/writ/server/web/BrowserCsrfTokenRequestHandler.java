package dev.writ.server.web;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestHandler;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Where a request carries its CSRF token. A form carries the masked value its page
 * rendered (Spring Security's XOR masking, so the secret never appears twice alike in a
 * compressed body); a script sends the header with the raw value it read from the
 * {@code XSRF-TOKEN} cookie, the double-submit pattern, which no other site can copy
 * because it cannot read the cookie.
 */
final class BrowserCsrfTokenRequestHandler implements ServerCsrfTokenRequestHandler {

	private final XorServerCsrfTokenRequestAttributeHandler masked = new XorServerCsrfTokenRequestAttributeHandler();

	@Override
	public void handle(ServerWebExchange exchange, Mono<CsrfToken> csrfToken) {
		this.masked.handle(exchange, csrfToken);
	}

	@Override
	public Mono<String> resolveCsrfTokenValue(ServerWebExchange exchange, CsrfToken csrfToken) {
		String header = exchange.getRequest().getHeaders().getFirst(csrfToken.getHeaderName());
		return (header != null) ? Mono.just(header) : this.masked.resolveCsrfTokenValue(exchange, csrfToken);
	}

}
