package dev.writ.server.admin.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.writ.server.test.AccessTokens;
import dev.writ.server.test.AdminApiClient;
import dev.writ.server.test.AdminApiDocument;
import dev.writ.server.test.AdminApiServer;
import dev.writ.server.test.Problems;
import dev.writ.server.test.TestAuthServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance point "an acme token cannot manage globex through the admin API": an
 * owner of acme, whose role has every permission, is refused (403) on every documented
 * operation of globex, and globex is left as it was.
 */
class CrossOrganizationTests {

	private static TestAuthServer server;

	private static AdminApiClient api;

	private static String aliceOfAcme;

	@BeforeAll
	static void start() {
		server = AdminApiServer.get();
		api = new AdminApiClient(server);
		aliceOfAcme = AccessTokens.forUser(server, "alice@acme.test", AccessTokens.DEMO_PASSWORD,
				"manage:organization");
	}

	@TestFactory
	List<DynamicTest> operationWhenAcmeTokenOnGlobexThenForbidden() {
		List<DynamicTest> tests = new ArrayList<>();
		for (AdminApiDocument.Operation operation : AdminApiDocument.operations()) {
			if (!operation.path().contains("{org}")) {
				continue;
			}
			String path = operation.path()
				.replace("{org}", "org_globex")
				.replace("{userId}", "usr_gina")
				.replaceAll("\\{[^}]+}", "x_1");
			boolean withBody = operation.method() == HttpMethod.POST || operation.method() == HttpMethod.PATCH
					|| operation.method() == HttpMethod.PUT;
			tests.add(DynamicTest.dynamicTest(operation.operationId(), () -> {
				Map<String, Object> problem = Problems
					.forbidden(api.exchange(operation.method(), path, aliceOfAcme, withBody ? "{}" : null));
				assertThat(problem).containsEntry("instance", path);
			}));
		}
		return tests;
	}

	@Test
	void globexWhenAcmeTokenTriedEverythingThenUnchanged() {
		operationWhenAcmeTokenOnGlobexThenForbidden().forEach((test) -> {
			try {
				test.getExecutable().execute();
			}
			catch (Throwable ex) {
				throw new AssertionError(ex);
			}
		});
		String platform = AccessTokens.forPlatform(server, "admin:organizations");
		assertThat(OrganizationScenarios.body(api.get("/admin/api/organizations/org_globex", platform)))
			.containsEntry("name", "Globex Corporation");
		assertThat(OrganizationScenarios.items(api.get("/admin/api/organizations/org_globex/members", platform)))
			.extracting((member) -> member.get("userId") + ":" + member.get("role"))
			.contains("usr_gina:admin");
	}

	@Test
	void operationWhenGlobexTokenOnAcmeThenForbidden() {
		String gina = AccessTokens.forUser(server, "gina@globex.test", AccessTokens.DEMO_PASSWORD,
				"manage:organization");
		Problems.forbidden(api.get("/admin/api/organizations/org_acme/members", gina));
		Problems.forbidden(api.delete("/admin/api/organizations/org_acme/members/usr_adam", gina));
		Problems.forbidden(api.get("/admin/api/organizations/org_acme/audit-log", gina));
	}

}
