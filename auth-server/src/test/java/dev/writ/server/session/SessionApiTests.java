package dev.writ.server.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.writ.server.test.BrowserRequests;
import dev.writ.server.test.TestAuthServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session API over real HTTP: the shared demo server, a user of its own per test,
 * sessions started through {@link BrowserSessions} as the sign-in page starts them.
 */
class SessionApiTests {

	private static final String FIREFOX_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) "
			+ "Gecko/20100101 Firefox/127.0";

	private static final String SAFARI_ON_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) "
			+ "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

	private static TestAuthServer server;

	private static BrowserSessions sessions;

	private static String cookieName;

	private final String alice = "alice-" + UUID.randomUUID();

	private final String bob = "bob-" + UUID.randomUUID();

	@BeforeAll
	static void start() {
		server = TestAuthServer.demo();
		sessions = server.bean(BrowserSessions.class);
		cookieName = server.bean(SessionProperties.class).cookieName();
	}

	private static StartedSession signIn(String userId, String userAgent) {
		return sessions.start(userId, Instant.now(), List.of("pwd"), userAgent, "203.0.113.7").block();
	}

	/** A browser with this session's cookie and a CSRF token. */
	private static WebTestClient browser(StartedSession session) {
		return BrowserRequests.withCsrf(server.client())
			.mutate()
			.defaultCookie(cookieName, session.cookieSecret())
			.build();
	}

	private static boolean alive(StartedSession session) {
		return sessions.resolve(session.cookieSecret()).blockOptional().isPresent();
	}

	@Test
	void listWhenSignedInThenTheUsersSessionsNewestFirstWithCurrentMarked() throws InterruptedException {
		StartedSession older = signIn(this.alice, FIREFOX_ON_WINDOWS);
		Thread.sleep(5); // distinct creation times
		StartedSession newer = signIn(this.alice, SAFARI_ON_IPHONE);
		signIn(this.bob, FIREFOX_ON_WINDOWS);
		browser(older).get()
			.uri(SessionApi.PATH)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(2)
			.jsonPath("$[0].id")
			.isEqualTo(newer.session().id())
			.jsonPath("$[0].device")
			.isEqualTo("Safari on iPhone")
			.jsonPath("$[0].current")
			.isEqualTo(false)
			.jsonPath("$[1].id")
			.isEqualTo(older.session().id())
			.jsonPath("$[1].device")
			.isEqualTo("Firefox on Windows")
			.jsonPath("$[1].ip_address")
			.isEqualTo("203.0.113.7")
			.jsonPath("$[1].created_at")
			.isEqualTo(older.session().createdAt().toString())
			.jsonPath("$[1].last_seen_at")
			.isEqualTo(older.session().lastSeenAt().toString())
			.jsonPath("$[1].current")
			.isEqualTo(true);
	}

	@Test
	void listWhenNoCookieThenUnauthorizedJson() {
		server.client().get().uri(SessionApi.PATH).exchange().expectStatus().isUnauthorized().expectBody().json("""
				{"error":"login_required","error_description":"sign in first"}""");
	}

	@Test
	void listWhenCookieOfEndedSessionThenUnauthorized() {
		StartedSession session = signIn(this.alice, FIREFOX_ON_WINDOWS);
		sessions.end(session.cookieSecret()).block();
		browser(session).get().uri(SessionApi.PATH).exchange().expectStatus().isUnauthorized();
	}

	@Test
	void revokeWhenOwnOtherSessionThenNoContentAndThatCookieDead() {
		StartedSession current = signIn(this.alice, FIREFOX_ON_WINDOWS);
		StartedSession other = signIn(this.alice, SAFARI_ON_IPHONE);
		browser(current).delete()
			.uri(SessionApi.PATH + "/" + other.session().id())
			.exchange()
			.expectStatus()
			.isNoContent()
			.expectHeader()
			.doesNotExist(HttpHeaders.SET_COOKIE);
		assertThat(alive(other)).isFalse();
		assertThat(alive(current)).isTrue();
	}

	@Test
	void revokeWhenCurrentSessionThenNoContentAndCookieCleared() {
		StartedSession current = signIn(this.alice, FIREFOX_ON_WINDOWS);
		browser(current).delete()
			.uri(SessionApi.PATH + "/" + current.session().id())
			.exchange()
			.expectStatus()
			.isNoContent()
			.expectCookie()
			.maxAge(cookieName, java.time.Duration.ZERO);
		assertThat(alive(current)).isFalse();
	}

	@Test
	void revokeWhenAnotherUsersSessionThenNotFoundAndItStaysAlive() {
		StartedSession current = signIn(this.alice, FIREFOX_ON_WINDOWS);
		StartedSession bobs = signIn(this.bob, FIREFOX_ON_WINDOWS);
		browser(current).delete()
			.uri(SessionApi.PATH + "/" + bobs.session().id())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.json("""
					{"error":"not_found","error_description":"no such session"}""");
		assertThat(alive(bobs)).isTrue();
	}

	@Test
	void revokeWhenNoSessionThenUnauthorized() {
		BrowserRequests.withCsrf(server.client())
			.delete()
			.uri(SessionApi.PATH + "/" + SessionSecrets.newId())
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("login_required");
	}

	@Test
	void revokeWhenNoCsrfTokenThenForbiddenJsonAndSessionKept() {
		StartedSession current = signIn(this.alice, FIREFOX_ON_WINDOWS);
		StartedSession other = signIn(this.alice, SAFARI_ON_IPHONE);
		server.client()
			.delete()
			.uri(SessionApi.PATH + "/" + other.session().id())
			.cookie(cookieName, current.cookieSecret())
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.json("""
					{"error":"access_denied","error_description":"CSRF token missing or invalid"}""", true);
		assertThat(alive(other)).isTrue();
	}

	@Test
	void signOutEverywhereWhenSignedInThenEveryUserSessionEndedAndOthersKept() {
		StartedSession current = signIn(this.alice, FIREFOX_ON_WINDOWS);
		StartedSession phone = signIn(this.alice, SAFARI_ON_IPHONE);
		StartedSession bobs = signIn(this.bob, FIREFOX_ON_WINDOWS);
		browser(current).post()
			.uri(SessionApi.SIGN_OUT_EVERYWHERE_PATH)
			.exchange()
			.expectStatus()
			.isNoContent()
			.expectCookie()
			.maxAge(cookieName, java.time.Duration.ZERO);
		assertThat(alive(current)).isFalse();
		assertThat(alive(phone)).isFalse();
		assertThat(alive(bobs)).isTrue();
		assertThat(sessions.findByUser(this.alice).collectList().block()).isEmpty();
	}

	@Test
	void signOutEverywhereWhenCsrfHeaderDiffersFromCookieThenForbiddenAndNothingEnded() {
		StartedSession current = signIn(this.alice, FIREFOX_ON_WINDOWS);
		server.client()
			.post()
			.uri(SessionApi.SIGN_OUT_EVERYWHERE_PATH)
			.cookie(cookieName, current.cookieSecret())
			.cookie(BrowserRequests.CSRF_COOKIE, UUID.randomUUID().toString())
			.header(BrowserRequests.CSRF_HEADER, UUID.randomUUID().toString())
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("access_denied");
		assertThat(alive(current)).isTrue();
	}

	@Test
	void signOutEverywhereWhenBrowserWithoutCsrfTokenThenForbiddenPage() {
		StartedSession current = signIn(this.alice, FIREFOX_ON_WINDOWS);
		server.client()
			.post()
			.uri(SessionApi.SIGN_OUT_EVERYWHERE_PATH)
			.cookie(cookieName, current.cookieSecret())
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("<h1>Forbidden</h1>")
				.contains("CSRF token missing or invalid")
				.doesNotContain("Exception"));
		assertThat(alive(current)).isTrue();
	}

	@Test
	void signOutEverywhereWhenNoSessionThenUnauthorized() {
		BrowserRequests.withCsrf(server.client())
			.post()
			.uri(SessionApi.SIGN_OUT_EVERYWHERE_PATH)
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void sessionsWhenWrongMethodThenMethodNotAllowed() {
		StartedSession current = signIn(this.alice, FIREFOX_ON_WINDOWS);
		browser(current).post()
			.uri(SessionApi.PATH)
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.valueEquals(HttpHeaders.ALLOW, "GET");
	}

}
