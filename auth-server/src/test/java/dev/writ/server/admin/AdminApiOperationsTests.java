package dev.writ.server.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.writ.server.admin.organization.OrganizationScenarios;
import dev.writ.server.admin.clients.ClientScenarios;
import dev.writ.server.admin.users.UserScenarios;
import dev.writ.server.test.AdminApiClient;
import dev.writ.server.test.AdminApiDocument;
import dev.writ.server.test.AdminApiScenario;
import dev.writ.server.test.AdminApiScenarios;
import dev.writ.server.test.AdminApiServer;
import dev.writ.server.test.TestAuthServer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every operation of the OpenAPI document is exercised: one test per operationId, which
 * runs that operation's happy path from the scenario map and checks that the scenario
 * really called it. A documented operation without a scenario fails, and so does a
 * scenario for an operation the document does not have.
 */
class AdminApiOperationsTests {

	/** Each part of the admin API adds its scenarios here. */
	private static final List<AdminApiScenarios> PARTS = List.of(new DocumentScenarios(), new OrganizationScenarios(),
			new RoleScenarios(), new ClientScenarios(), new UserScenarios());

	@TestFactory
	List<DynamicTest> operationWhenItsScenarioRunsThenItSucceeds() {
		Map<String, AdminApiScenario> scenarios = scenarios();
		Set<String> documented = AdminApiDocument.operations()
			.stream()
			.map(AdminApiDocument.Operation::operationId)
			.collect(Collectors.toCollection(java.util.LinkedHashSet::new));
		List<DynamicTest> tests = new ArrayList<>();
		for (String operationId : documented) {
			tests.add(DynamicTest.dynamicTest(operationId, () -> {
				AdminApiScenario scenario = scenarios.get(operationId);
				if (scenario == null) {
					fail("the documented operation '" + operationId + "' has no scenario in AdminApiOperationsTests");
				}
				TestAuthServer server = AdminApiServer.get();
				AdminApiClient api = new AdminApiClient(server);
				scenario.run(server, api);
				assertThat(api.called()).as("operations the scenario of " + operationId + " called")
					.contains(operationId);
			}));
		}
		for (String operationId : scenarios.keySet()) {
			if (!documented.contains(operationId)) {
				tests.add(DynamicTest.dynamicTest("undocumented " + operationId,
						() -> fail("a scenario for '" + operationId + "', which the document does not have")));
			}
		}
		return tests;
	}

	private static Map<String, AdminApiScenario> scenarios() {
		Map<String, AdminApiScenario> all = new LinkedHashMap<>();
		for (AdminApiScenarios part : PARTS) {
			part.scenarios().forEach((operationId, scenario) -> {
				if (all.put(operationId, scenario) != null) {
					throw new IllegalStateException("two scenarios for '" + operationId + "'");
				}
			});
		}
		return all;
	}

}
