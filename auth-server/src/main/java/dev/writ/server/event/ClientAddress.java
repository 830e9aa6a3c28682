package dev.writ.server.event;

import java.net.InetSocketAddress;

import org.jspecify.annotations.Nullable;

import org.springframework.http.server.reactive.ServerHttpRequest;

import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * The address of the client whose request is being served, carried in the Reactor
 * context, so that code far below the endpoint (a token store that detects reuse) can say
 * in its {@link DomainEvent} where the request came from without every interface on the
 * way passing it along. A web filter puts it there for every request.
 */
public final class ClientAddress {

	private static final Object KEY = ClientAddress.class;

	private ClientAddress() {
	}

	/**
	 * The request's client address. Behind a proxy, set
	 * {@code server.forward-headers-strategy} so that it is the client's, not the
	 * proxy's.
	 */
	public static @Nullable String of(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		if (remote == null) {
			return null;
		}
		return (remote.getAddress() != null) ? remote.getAddress().getHostAddress() : remote.getHostString();
	}

	/** {@code context} with {@code address}; unchanged if the address is unknown. */
	public static Context put(Context context, @Nullable String address) {
		return (address != null) ? context.put(KEY, address) : context;
	}

	/** The address in {@code context}, or {@code null} outside a request. */
	public static @Nullable String in(ContextView context) {
		return context.getOrDefault(KEY, null);
	}

}
