package dev.writ.server.session;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.writ.server.event.ClientAddress;

import org.springframework.http.HttpHeaders;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * The browser session of the request at hand: the one way page and API handlers learn who
 * is signed in, sign someone in, or sign them out. Spring Security's context and
 * {@code WebSession} are not used: they would live in one node's memory.
 *
 * <p>
 * The session is resolved once per request and kept in an exchange attribute, so several
 * handlers and filters asking cost one Redis read.
 */
@Component
public final class CurrentSession {

	private static final String ATTRIBUTE = CurrentSession.class.getName();

	private final BrowserSessions sessions;

	private final SessionCookie cookie;

	private final Clock clock;

	CurrentSession(BrowserSessions sessions, SessionCookie cookie, Clock clock) {
		this.sessions = sessions;
		this.cookie = cookie;
		this.clock = clock;
	}

	/** The live session of this browser; empty when it has none. */
	public Mono<BrowserSession> of(ServerWebExchange exchange) {
		Mono<BrowserSession> cached = exchange.getAttribute(ATTRIBUTE);
		if (cached == null) {
			String secret = this.cookie.read(exchange);
			cached = (secret != null) ? this.sessions.resolve(secret).cache() : Mono.empty();
			exchange.getAttributes().put(ATTRIBUTE, cached);
		}
		return cached;
	}

	/**
	 * Signs a user in on this browser, who has just authenticated by {@code amr}: any
	 * session the browser had ends, and a new one (new id, new secret) starts, so that a
	 * session planted before sign-in is never promoted.
	 */
	public Mono<BrowserSession> signIn(ServerWebExchange exchange, String userId, List<String> amr) {
		String previous = this.cookie.read(exchange);
		Mono<Void> endPrevious = (previous != null) ? this.sessions.end(previous) : Mono.empty();
		Instant authTime = Instant.ofEpochSecond(this.clock.instant().getEpochSecond());
		return endPrevious
			.then(Mono
				.defer(() -> this.sessions.start(userId, authTime, amr, userAgent(exchange), ipAddress(exchange))))
			.map((started) -> {
				this.cookie.write(exchange, started.cookieSecret());
				exchange.getAttributes().put(ATTRIBUTE, Mono.just(started.session()));
				return started.session();
			});
	}

	/**
	 * Signs this browser out: its session ends and its cookie is cleared. Answers the
	 * session that ended (its {@code sid} is what logout notifications name), or empty.
	 */
	public Mono<BrowserSession> signOut(ServerWebExchange exchange) {
		String secret = this.cookie.read(exchange);
		return of(exchange).flatMap((session) -> this.sessions.end(secret).thenReturn(session))
			.doOnTerminate(() -> forget(exchange));
	}

	/**
	 * Forgets this browser's session within the request and clears its cookie, for when
	 * it was ended some other way (revoked from the session list, for example).
	 */
	public void forget(ServerWebExchange exchange) {
		this.cookie.clear(exchange);
		exchange.getAttributes().put(ATTRIBUTE, Mono.empty());
	}

	@Nullable
	private static String userAgent(ServerWebExchange exchange) {
		return exchange.getRequest().getHeaders().getFirst(HttpHeaders.USER_AGENT);
	}

	/**
	 * The client's address; behind a proxy, set {@code server.forward-headers-strategy}
	 * so that it is the browser's, not the proxy's.
	 */
	@Nullable
	private static String ipAddress(ServerWebExchange exchange) {
		return ClientAddress.of(exchange.getRequest());
	}

}
