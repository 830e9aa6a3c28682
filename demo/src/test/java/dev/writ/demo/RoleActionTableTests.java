package dev.writ.demo;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.writ.demo.JsonCall.Answer;
import dev.writ.demo.browser.CallbackServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every cell of the role × action table the README publishes: a scratch organization's
 * owner, admin and member, each signed in to demo-web through Chromium, try each action
 * at sample-api and the admin API; each gets the status its role's column says, and what
 * the request did (or did not do) is checked where it landed.
 */
class RoleActionTableTests {

	private static final String PROBLEM_TYPES = "https://writ.dev/problems/";

	private static DemoStack product;

	private static CallbackServer callback;

	private static ScratchOrganization organization;

	private static Scene scene;

	@BeforeAll
	static void start() {
		product = RunningProduct.shared();
		callback = CallbackServer.start();
		organization = ScratchOrganization.create(product, "admin", "member");
		Map<String, SignedInUser> signedIn = new LinkedHashMap<>();
		for (String role : RoleActionTable.ROLES) {
			signedIn.put(role, organization.signIn(role, callback));
		}
		scene = new Scene(product, organization, signedIn);
	}

	@AfterAll
	static void stop() {
		try {
			if (organization != null) {
				organization.close();
			}
		}
		finally {
			callback.close();
		}
	}

	@ParameterizedTest(name = "{0} as {1}")
	@MethodSource("dev.writ.demo.RoleActionTable#cells")
	void actionWhenRoleTriesItThenStatusAndEffectAreThoseOfTheTable(Action action, String role) {
		Action.Prepared prepared = action.setup().prepare(scene, role);
		Answer answer = scene.send(action.api(), role, action.call(scene, prepared));

		int expected = action.status(role);
		answer.expect(expected);
		if (expected >= 400) {
			assertRefused(action.api(), answer);
		}
		prepared.effect().check(answer, expected < 400);
	}

	/**
	 * A refusal says why the way each service promises: a 403 is RFC 6750
	 * {@code insufficient_scope} at both, and the admin API answers RFC 9457 problems (a
	 * 404 for what the caller may not even see).
	 */
	private static void assertRefused(Action.Api api, Answer answer) {
		if (answer.status() == 403) {
			assertThat(answer.challenge()).as(answer::toString).contains("error=\"insufficient_scope\"");
		}
		if (api == Action.Api.ADMIN_API) {
			assertThat(answer.headers().getContentType()).as(answer::toString)
				.isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(answer.json().get("type").asString())
				.isEqualTo(PROBLEM_TYPES + ((answer.status() == 404) ? "not-found" : "forbidden"));
			assertThat(answer.json().get("status").asInt()).isEqualTo(answer.status());
		}
	}

}
