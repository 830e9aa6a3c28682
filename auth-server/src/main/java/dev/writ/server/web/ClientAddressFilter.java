package dev.writ.server.web;

import dev.writ.server.event.ClientAddress;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Puts each request's client address into the Reactor context ({@link ClientAddress}),
 * for the domain events the request causes. First of all filters, so that the security
 * chain's handlers see it too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
final class ClientAddressFilter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String address = ClientAddress.of(exchange.getRequest());
		return chain.filter(exchange).contextWrite((context) -> ClientAddress.put(context, address));
	}

}
