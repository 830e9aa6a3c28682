package dev.writ.server.test;

/**
 * The happy path of one documented admin API operation, as
 * {@code AdminApiOperationsTests} runs it: it must call that operation through the
 * {@link AdminApiClient} it is given and assert the outcome. Each part of the API
 * supplies its scenarios through an {@link AdminApiScenarios}.
 */
@FunctionalInterface
public interface AdminApiScenario {

	void run(TestAuthServer server, AdminApiClient api) throws Exception;

}
