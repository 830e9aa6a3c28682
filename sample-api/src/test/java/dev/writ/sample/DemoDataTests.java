package dev.writ.sample;

import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import dev.writ.devstack.DevStack;
import dev.writ.resourceserver.test.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Profile demo seeds the demo organizations' projects, and seeding twice adds nothing.
 */
class DemoDataTests {

	private static TestIssuer issuer;

	@BeforeAll
	static void start() {
		issuer = TestIssuer.start();
	}

	@AfterAll
	static void stop() {
		issuer.close();
	}

	@Test
	void startWhenDemoProfileThenProjectsSeededOncePerOrganization() {
		String database = "sample_api_demo_" + UUID.randomUUID().toString().replace("-", "");
		DevStack.shared().postgres().createDatabase(database);
		Map<String, Object> demo = Map.of("spring.profiles.active", "demo");
		try (RunningSampleApi api = RunningSampleApi.start(issuer, database, false, demo)) {
			expectProjects(api, "org_acme", "[{\"name\":\"Rocket sled\"},{\"name\":\"Anvil delivery\"}]");
		}
		// A second start on the same database runs the seed again (Flyway's repeatable
		// migrations rerun when
		// changed); either way nothing may be inserted twice.
		try (RunningSampleApi api = RunningSampleApi.start(issuer, database, false, demo)) {
			expectProjects(api, "org_acme", "[{\"name\":\"Rocket sled\"},{\"name\":\"Anvil delivery\"}]");
			expectProjects(api, "org_globex", "[{\"name\":\"Hammock district\"}]");
		}
	}

	@Test
	void startWhenNoProfileThenNoDemoData() {
		try (RunningSampleApi api = RunningSampleApi.start(issuer)) {
			expectProjects(api, "org_acme", "[]");
		}
	}

	private static void expectProjects(RunningSampleApi api, String organization, String json) {
		String token = issuer.mint(JWSAlgorithm.RS256,
				(claims) -> claims.claim("org", organization).claim("scope", "read:projects"));
		api.client()
			.get()
			.uri("/projects")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json(json);
	}

}
