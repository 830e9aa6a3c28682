package dev.writ.server.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import dev.writ.server.account.User;
import dev.writ.server.account.Users;
import dev.writ.server.apitoken.ApiTokens;
import dev.writ.server.event.Actor;
import dev.writ.server.event.ClientAddress;
import dev.writ.server.protocol.Scope;
import dev.writ.server.session.BrowserSessions;
import dev.writ.server.session.SessionProperties;
import dev.writ.server.session.StartedSession;
import dev.writ.server.test.AccessTokens;
import dev.writ.server.test.HttpBrowser;
import dev.writ.server.test.AdminApiServer;
import dev.writ.server.test.AdminFixtures;
import dev.writ.server.test.TestAuthServer;
import dev.writ.server.token.RevocationList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;

import static dev.writ.server.test.TokenRequests.basic;
import static dev.writ.server.test.TokenRequests.form;
import static dev.writ.server.test.TokenRequests.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Disabling a user ends everything that keeps them signed in, at once, over the real
 * stores and endpoints: browser session, refresh-token family, access token and personal
 * API token; enabling lets them sign in again.
 */
class UserAdministrationTests {

	private static final Actor OPERATOR = Actor.client("operator");

	private static final String PASSWORD = AdminFixtures.PASSWORD;

	private static TestAuthServer server;

	private static UserAdministration administration;

	private static DatabaseClient database;

	private static AdminFixtures fixtures;

	private String organization;

	private User user;

	@BeforeAll
	static void start() {
		server = AdminApiServer.get();
		administration = server.bean(UserAdministration.class);
		database = server.bean(DatabaseClient.class);
		fixtures = new AdminFixtures(server);
	}

	@BeforeEach
	void user() {
		this.organization = fixtures.organization();
		this.user = fixtures.member(this.organization, "member");
	}

	@Test
	void disableWhenUserIsSignedInEverywhereThenSessionRefreshAccessAndApiTokensAllDieAtOnce() throws Exception {
		HttpBrowser browser = signedIn();
		Map<String, Object> tokens = AccessTokens.codeFlow(server, browser, "demo-web", "demo-web-secret",
				"offline_access read:projects", this.organization);
		String accessToken = (String) tokens.get("access_token");
		String refreshToken = (String) tokens.get("refresh_token");
		String apiToken = server.bean(ApiTokens.class)
			.create(this.organization, this.user.id(), this.user.id(), "CI", Scope.parse("read:projects"),
					Duration.ofDays(1))
			.block()
			.secret();
		assertThat(sessionAlive(browser)).isTrue();
		assertThat(active(accessToken)).isTrue();
		assertThat(active(refreshToken)).isTrue();
		assertThat(active(apiToken)).isTrue();

		User disabled = administration.disable(OPERATOR, this.user.id())
			.contextWrite((context) -> ClientAddress.put(context, "203.0.113.9"))
			.block();

		assertThat(disabled.disabled()).isTrue();
		assertThat(server.bean(Users.class).findById(this.user.id()).block().disabled()).isTrue();
		assertThat(sessionAlive(browser)).isFalse();
		assertThat(revoked(accessToken)).isTrue();
		assertThat(active(accessToken)).isFalse();
		assertThat(active(refreshToken)).isFalse();
		post(server.client(), "/oauth2/token", basic("demo-web", "demo-web-secret"),
				form("grant_type", "refresh_token", "refresh_token", refreshToken))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("invalid_grant");
		assertThat(active(apiToken)).isFalse();
		assertThat(new HttpBrowser(server.baseUrl()).signIn(this.user.email(), PASSWORD).getStatus())
			.isEqualTo(HttpStatus.OK);
		assertThat(audit("user.disabled")).containsExactly(Map.of("organization_id", "", "actor_kind", "client",
				"actor_id", "operator", "ip_address", "203.0.113.9"));
	}

	@Test
	void enableWhenDisabledThenSignInAndPersonalApiTokenWorkAgainButEndedTokensStayDead() throws Exception {
		HttpBrowser browser = signedIn();
		Map<String, Object> tokens = AccessTokens.codeFlow(server, browser, "demo-web", "demo-web-secret",
				"offline_access", this.organization);
		String apiToken = server.bean(ApiTokens.class)
			.create(this.organization, this.user.id(), this.user.id(), "CI", Scope.parse("read:projects"),
					Duration.ofDays(1))
			.block()
			.secret();
		administration.disable(OPERATOR, this.user.id()).block();

		User enabled = administration.enable(OPERATOR, this.user.id()).block();

		assertThat(enabled.disabled()).isFalse();
		assertThat(signedIn()).isNotNull();
		assertThat(active(apiToken)).isTrue();
		assertThat(active((String) tokens.get("access_token"))).isFalse();
		assertThat(active((String) tokens.get("refresh_token"))).isFalse();
		assertThat(audit("user.enabled")).hasSize(1);
	}

	@Test
	void disableWhenAlreadyDisabledThenNoSecondEventButSignedOutAgain() {
		administration.disable(OPERATOR, this.user.id()).block();
		// a session a sign-in started while the first call ran, or that a failed Redis
		// call left
		StartedSession straggler = server.bean(BrowserSessions.class)
			.start(this.user.id(), Instant.now(), List.of("pwd"), "test", "203.0.113.7")
			.block();

		administration.disable(OPERATOR, this.user.id()).block();

		assertThat(server.bean(BrowserSessions.class).resolve(straggler.cookieSecret()).blockOptional()).isEmpty();
		assertThat(audit("user.disabled")).hasSize(1);
	}

	@Test
	void enableWhenNotDisabledThenNothingPublished() {
		assertThat(administration.enable(OPERATOR, this.user.id()).block().disabled()).isFalse();
		assertThat(audit("user.enabled")).isEmpty();
	}

	@Test
	void disableWhenTwoAdministratorsAtOnceThenOneEvent() {
		Mono.when(administration.disable(OPERATOR, this.user.id()), administration.disable(OPERATOR, this.user.id()))
			.block();
		assertThat(audit("user.disabled")).hasSize(1);
	}

	@Test
	void findWhenKnownThenTheUser() {
		assertThat(administration.find(this.user.id()).block()).isEqualTo(this.user);
	}

	@Test
	void changesWhenUnknownUserThenNotFound() {
		assertThatExceptionOfType(UserNotFoundException.class)
			.isThrownBy(() -> administration.find("usr_nobody").block());
		assertThatExceptionOfType(UserNotFoundException.class)
			.isThrownBy(() -> administration.disable(OPERATOR, "usr_nobody").block());
		assertThatExceptionOfType(UserNotFoundException.class)
			.isThrownBy(() -> administration.enable(OPERATOR, "usr_nobody").block());
	}

	private HttpBrowser signedIn() {
		HttpBrowser browser = new HttpBrowser(server.baseUrl());
		assertThat(browser.signIn(this.user.email(), PASSWORD).getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
		return browser;
	}

	private static boolean sessionAlive(HttpBrowser browser) {
		String cookie = browser.cookies().get(server.bean(SessionProperties.class).cookieName());
		return server.bean(BrowserSessions.class).resolve(cookie).blockOptional().isPresent();
	}

	private static boolean revoked(String accessToken) throws Exception {
		String jti = SignedJWT.parse(accessToken).getJWTClaimsSet().getJWTID();
		return server.bean(RevocationList.class).isRevoked(jti).block();
	}

	@SuppressWarnings("unchecked")
	private static boolean active(String token) {
		Map<String, Object> body = post(server.client(), "/oauth2/introspect", basic("demo-web", "demo-web-secret"),
				form("token", token))
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return Boolean.TRUE.equals(body.get("active"));
	}

	private List<Map<String, String>> audit(String action) {
		return database.sql("""
				SELECT coalesce(organization_id, '') AS organization_id, actor_kind, actor_id,
				       coalesce(ip_address, '') AS ip_address
				FROM audit_log WHERE action = :action AND target_kind = 'user' AND target_id = :user ORDER BY id""")
			.bind("action", action)
			.bind("user", this.user.id())
			.map((row) -> Map.of("organization_id", row.get("organization_id", String.class), "actor_kind",
					row.get("actor_kind", String.class), "actor_id", row.get("actor_id", String.class), "ip_address",
					row.get("ip_address", String.class)))
			.all()
			.collectList()
			.block();
	}

}
