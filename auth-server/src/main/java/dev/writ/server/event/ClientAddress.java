package dev.writ.server.event;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.Arrays;

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
		if (remote.getAddress() == null) {
			return remote.getHostString();
		}
		String address = remote.getAddress().getHostAddress();
		return (remote.getAddress() instanceof Inet6Address) ? compressed(address) : address;
	}

	/**
	 * RFC 5952 §4.2: the longest run of zero groups as {@code ::}, so that people read
	 * {@code ::1} rather than the JDK's {@code 0:0:0:0:0:0:0:1}.
	 */
	static String compressed(String ipv6) {
		int scope = ipv6.indexOf('%');
		String[] groups = ((scope < 0) ? ipv6 : ipv6.substring(0, scope)).split(":");
		int bestStart = -1;
		int bestLength = 1;
		for (int i = 0; i < groups.length; i++) {
			int length = 0;
			while (i + length < groups.length && groups[i + length].equals("0")) {
				length++;
			}
			if (length > bestLength) {
				bestStart = i;
				bestLength = length;
			}
		}
		if (bestStart < 0) {
			return String.join(":", groups);
		}
		String head = String.join(":", Arrays.copyOfRange(groups, 0, bestStart));
		String tail = String.join(":", Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
		return head + "::" + tail;
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
