package dev.writ.server.test;

import java.util.Map;

/**
 * The scenarios of one part of the admin API, by operationId. A part adds its class to
 * the list in {@code AdminApiOperationsTests}.
 */
public interface AdminApiScenarios {

	Map<String, AdminApiScenario> scenarios();

}
