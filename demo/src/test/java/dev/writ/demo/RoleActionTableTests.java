package dev.writ.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.writ.demo.JsonCall.Answer;
import dev.writ.demo.browser.CallbackServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
		if (expected == 403) {
			assertRefused(action.api(), answer);
		}
		prepared.effect().check(answer, expected < 400);
	}

	@Test
	void readmeWhenReadThenItsRoleTableIsTheTestedOne() throws IOException {
		assertThat(readmeTable()).isEqualTo(RoleActionTable.markdown());
	}

	/**
	 * A refusal says why the way each service promises: RFC 6750
	 * {@code insufficient_scope} at sample-api; an RFC 9457 {@code forbidden} problem,
	 * with the same challenge, at the admin API.
	 */
	private static void assertRefused(Action.Api api, Answer answer) {
		assertThat(answer.challenge()).as(answer::toString).contains("error=\"insufficient_scope\"");
		if (api == Action.Api.ADMIN_API) {
			assertThat(answer.headers().getContentType()).as(answer::toString)
				.isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(answer.json().get("type").asString()).isEqualTo(PROBLEM_TYPES + "forbidden");
			assertThat(answer.json().get("status").asInt()).isEqualTo(403);
		}
	}

	/** The markdown table of the README's section on organizations and roles. */
	static String readmeTable() throws IOException {
		List<String> lines = Files.readAllLines(readme());
		int section = lines.indexOf("## Organizations, roles and API tokens");
		assertThat(section).as("the README's section 'Organizations, roles and API tokens'").isNotNegative();
		StringBuilder table = new StringBuilder();
		boolean inTable = false;
		for (String line : lines.subList(section + 1, lines.size())) {
			if (line.startsWith("## ")) {
				break;
			}
			if (line.startsWith("|")) {
				inTable = true;
				table.append(line).append('\n');
			}
			else if (inTable) {
				break;
			}
		}
		return table.toString();
	}

	/**
	 * The project's README: in the directory that holds this module, found from wherever
	 * the tests run (Maven runs them in the module's directory).
	 */
	private static Path readme() {
		Path directory = Path.of("").toAbsolutePath();
		while (directory != null && !Files.isRegularFile(directory.resolve("demo/pom.xml"))) {
			directory = directory.getParent();
		}
		assertThat(directory).as("the project's directory, above " + Path.of("").toAbsolutePath()).isNotNull();
		return directory.resolve("README.md");
	}

}
