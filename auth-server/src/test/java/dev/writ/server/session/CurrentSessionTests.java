package dev.writ.server.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.writ.server.test.BrowserRequests;
import dev.writ.server.test.TestAuthServer;
import dev.writ.server.web.TestPages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.lang.Nullable;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing a browser in and out through {@link CurrentSession}, over real HTTP on a server
 * whose issuer is https.
 */
class CurrentSessionTests {

	private static final String CHROME_ON_LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
			+ "(KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";

	private static TestAuthServer server;

	private static BrowserSessions sessions;

	private static String cookieName;

	private final String alice = "alice-" + UUID.randomUUID();

	@BeforeAll
	static void start() {
		server = TestPages.server();
		sessions = server.bean(BrowserSessions.class);
		cookieName = server.bean(SessionProperties.class).cookieName();
	}

	private EntityExchangeResult<String> signIn(@Nullable String previousSecret) {
		return BrowserRequests.withCsrf(server.client())
			.post()
			.uri(TestPages.SIGN_IN + "?user=" + this.alice)
			.header(HttpHeaders.USER_AGENT, CHROME_ON_LINUX)
			.cookies((cookies) -> {
				if (previousSecret != null) {
					cookies.add(cookieName, previousSecret);
				}
			})
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
	}

	@Test
	void signInWhenHttpsIssuerThenSecureHttpOnlyLaxCookieForANewSession() {
		EntityExchangeResult<String> result = signIn(null);
		ResponseCookie cookie = result.getResponseCookies().getFirst(cookieName);
		assertThat(cookie.isSecure()).isTrue();
		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(cookie.getSameSite()).isEqualTo("Lax");
		assertThat(cookie.getPath()).isEqualTo("/");
		assertThat(cookie.getMaxAge().isNegative()).isTrue();
		BrowserSession session = sessions.resolve(cookie.getValue()).block();
		assertThat(session.id()).isEqualTo(result.getResponseBody()).isNotEqualTo(cookie.getValue());
		assertThat(session.userId()).isEqualTo(this.alice);
		assertThat(session.amr()).containsExactly("pwd");
		assertThat(session.device()).isEqualTo("Chrome on Linux");
		assertThat(session.ipAddress()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
	}

	@Test
	void signInWhenBrowserHadASessionThenItEndsAndANewOneStarts() {
		String first = signIn(null).getResponseCookies().getFirst(cookieName).getValue();
		EntityExchangeResult<String> again = signIn(first);
		String second = again.getResponseCookies().getFirst(cookieName).getValue();
		assertThat(second).isNotEqualTo(first);
		assertThat(sessions.resolve(first).blockOptional()).isEmpty();
		assertThat(sessions.findByUser(this.alice).map(BrowserSession::id).collectList().block())
			.containsExactly(again.getResponseBody());
	}

	@Test
	void signOutWhenSignedInThenSessionEndedAndCookieCleared() {
		EntityExchangeResult<String> signedIn = signIn(null);
		String secret = signedIn.getResponseCookies().getFirst(cookieName).getValue();
		BrowserRequests.withCsrf(server.client())
			.post()
			.uri(TestPages.SIGN_OUT)
			.cookie(cookieName, secret)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo(signedIn.getResponseBody())
			.consumeWith((result) -> {
				ResponseCookie cleared = result.getResponseCookies().getFirst(cookieName);
				assertThat(cleared.getValue()).isEmpty();
				assertThat(cleared.getMaxAge()).isZero();
				assertThat(cleared.isSecure()).isTrue();
			});
		assertThat(sessions.resolve(secret).blockOptional()).isEmpty();
	}

	@Test
	void signOutWhenNoSessionThenNothingEndedAndCookieClearedAnyway() {
		BrowserRequests.withCsrf(server.client())
			.post()
			.uri(TestPages.SIGN_OUT)
			.cookie(cookieName, SessionSecrets.newSecret())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("none")
			.consumeWith((result) -> assertThat(result.getResponseCookies().getFirst(cookieName).getMaxAge()).isZero());
	}

	@Test
	void ofWhenAskedTwiceInOneRequestThenResolvedOnce() {
		StartedSession started = sessions.start(this.alice, Instant.now(), List.of("pwd"), null, null).block();
		AtomicInteger resolves = new AtomicInteger();
		CurrentSession current = new CurrentSession(counting(resolves), server.bean(SessionCookie.class),
				java.time.Clock.systemUTC());
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/account").cookie(new HttpCookie(cookieName, started.cookieSecret())));
		BrowserSession first = current.of(exchange).block();
		BrowserSession second = current.of(exchange).block();
		assertThat(first).isEqualTo(second).isEqualTo(started.session());
		assertThat(resolves).hasValue(1);
	}

	@Test
	void ofWhenNoCookieThenEmptyWithoutAskingTheStore() {
		AtomicInteger resolves = new AtomicInteger();
		CurrentSession current = new CurrentSession(counting(resolves), server.bean(SessionCookie.class),
				java.time.Clock.systemUTC());
		assertThat(current.of(MockServerWebExchange.from(MockServerHttpRequest.get("/account"))).blockOptional())
			.isEmpty();
		assertThat(resolves).hasValue(0);
	}

	/** The server's real store, counting the lookups made through it. */
	private static BrowserSessions counting(AtomicInteger resolves) {
		return new BrowserSessions() {

			@Override
			public Mono<StartedSession> start(String userId, Instant authTime, List<String> amr, String userAgent,
					String ipAddress) {
				return sessions.start(userId, authTime, amr, userAgent, ipAddress);
			}

			@Override
			public Mono<BrowserSession> resolve(String cookieSecret) {
				return Mono.defer(() -> {
					resolves.incrementAndGet();
					return sessions.resolve(cookieSecret);
				});
			}

			@Override
			public Flux<BrowserSession> findByUser(String userId) {
				return sessions.findByUser(userId);
			}

			@Override
			public Mono<Boolean> revoke(String userId, String sessionId) {
				return sessions.revoke(userId, sessionId);
			}

			@Override
			public Mono<Void> end(String cookieSecret) {
				return sessions.end(cookieSecret);
			}

			@Override
			public Mono<Long> revokeAllForUser(String userId) {
				return sessions.revokeAllForUser(userId);
			}

		};
	}

}
