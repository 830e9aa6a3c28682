package dev.writ.server.admin.users;

import java.util.Map;

import dev.writ.server.account.User;
import dev.writ.server.test.AccessTokens;
import dev.writ.server.test.AdminApiClient;
import dev.writ.server.test.AdminApiServer;
import dev.writ.server.test.AdminFixtures;
import dev.writ.server.test.Problems;
import dev.writ.server.test.TestAuthServer;
import dev.writ.server.test.TokenRequests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /admin/api/users} over HTTP: for platform operators only; disabling a user ends
 * their tokens at once, including the one they would use on this very API.
 */
class UsersApiTests {

	private static TestAuthServer server;

	private static AdminFixtures fixtures;

	private static AdminApiClient api;

	private static String platform;

	private User user;

	@BeforeAll
	static void start() {
		server = AdminApiServer.get();
		fixtures = new AdminFixtures(server);
		api = new AdminApiClient(server);
		platform = AccessTokens.forPlatform(server, "admin:users");
	}

	@BeforeEach
	void user() {
		this.user = fixtures.user();
	}

	private String path(String suffix) {
		return "/admin/api/users/" + this.user.id() + suffix;
	}

	@Test
	void getWhenPlatformThenTheUserWithoutCredentials() {
		api.get(path(""), platform)
			.expectStatus()
			.isOk()
			.expectHeader()
			.cacheControl(CacheControl.noStore())
			.expectBody()
			.json("""
					{"id": "%s", "email": "%s", "emailVerified": false, "name": "Test User", "disabled": false,
					 "createdAt": "%s"}""".formatted(this.user.id(), this.user.email(), this.user.createdAt()), true);
	}

	@Test
	void disableWhenPlatformThenDisabledAndTheUsersTokensDieAtOnce() {
		String organization = fixtures.organization();
		User admin = fixtures.member(organization, "admin");
		String token = fixtures.token(admin);
		api.get("/admin/api/clients", token).expectStatus().isOk();

		api.post("/admin/api/users/" + admin.id() + "/disable", platform, null)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.disabled")
			.isEqualTo(true);

		Problems.expect(api.get("/admin/api/clients", token), 401, "unauthorized");
		assertThat(active(token)).isFalse();

		api.post("/admin/api/users/" + admin.id() + "/enable", platform, null)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.disabled")
			.isEqualTo(false);
		// enabling brings no ended token back
		Problems.expect(api.get("/admin/api/clients", token), 401, "unauthorized");
		api.get("/admin/api/clients", fixtures.token(admin)).expectStatus().isOk();
	}

	@Test
	void disableOrEnableTwiceThenTheSameAnswer() {
		api.post(path("/disable"), platform, null).expectStatus().isOk();
		api.post(path("/disable"), platform, null).expectBody().jsonPath("$.disabled").isEqualTo(true);
		api.post(path("/enable"), platform, null).expectStatus().isOk();
		api.post(path("/enable"), platform, null).expectBody().jsonPath("$.disabled").isEqualTo(false);
	}

	@Test
	void requestsWhenUnknownUserThenNotFound() {
		for (String suffix : new String[] { "", "/disable", "/enable" }) {
			String path = "/admin/api/users/usr_unknown" + suffix;
			Problems.expect(suffix.isEmpty() ? api.get(path, platform) : api.post(path, platform, null), 404,
					"not-found");
		}
	}

	@Test
	void requestsWhenNoOrInvalidTokenThenUnauthorized() {
		Problems.expect(api.get(path(""), null).expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer"), 401,
				"unauthorized");
		Problems.expect(api.post(path("/disable"), "not-a-token", null), 401, "unauthorized");
		Problems.expect(api.post(path("/enable"), null, null), 401, "unauthorized");
	}

	@Test
	void requestsWhenNotThePlatformWithAdminUsersThenInsufficientScope() {
		String owner = fixtures.token(fixtures.member(fixtures.organization(), "owner"));
		String clientsOnly = AccessTokens.forPlatform(server, "admin:clients");
		for (String token : new String[] { owner, clientsOnly }) {
			Problems.expect(api.post(path("/disable"), token, null)
				.expectHeader()
				.valueEquals(HttpHeaders.WWW_AUTHENTICATE,
						"Bearer error=\"insufficient_scope\", scope=\"admin:users\""),
					403, "forbidden");
			Problems.forbidden(api.get(path(""), token));
			Problems.forbidden(api.post(path("/enable"), token, null));
		}
		api.get(path(""), platform).expectBody().jsonPath("$.disabled").isEqualTo(false);
	}

	@Test
	void usersWhenMethodNotServedThenMethodNotAllowed() {
		api.raw().get().uri(path("/disable")).exchange().expectStatus().isEqualTo(405);
		api.raw().delete().uri(path("")).exchange().expectStatus().isEqualTo(405);
	}

	@SuppressWarnings("unchecked")
	private static boolean active(String token) {
		Map<String, Object> body = TokenRequests
			.post(server.client(), "/oauth2/introspect", TokenRequests.basic("demo-web", "demo-web-secret"),
					TokenRequests.form("token", token))
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return Boolean.TRUE.equals(body.get("active"));
	}

}
