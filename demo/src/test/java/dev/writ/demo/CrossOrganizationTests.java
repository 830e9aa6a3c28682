package dev.writ.demo;

import dev.writ.demo.JsonCall.Answer;
import dev.writ.demo.browser.CallbackServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An acme token stays in acme: alice (acme's owner) signs in to demo-web with every scope
 * it has, and her token can neither read globex's projects at sample-api nor manage
 * globex through the admin API, although owners may do everything in their own
 * organization.
 */
class CrossOrganizationTests {

	/** Globex's project in the demo data. */
	private static final String GLOBEX_PROJECT = "0a1c3d9e-0000-4000-8000-000000000003";

	private static DemoStack product;

	private static CallbackServer callback;

	private static SignedInUser alice;

	@BeforeAll
	static void start() {
		product = RunningProduct.shared();
		callback = CallbackServer.start();
		alice = SignedInUser.signIn(product, callback, "alice@acme.test");
	}

	@AfterAll
	static void stop() {
		callback.close();
	}

	@Test
	void sampleApiWhenAcmeTokenThenGlobexProjectsAreNeitherListedNorReachable() throws Exception {
		assertThat(alice.claims().getStringClaim("org")).isEqualTo("org_acme");
		assertThat(alice.claims().getStringClaim("role")).isEqualTo("owner");

		Answer projects = sampleApi(JsonCall.get("/projects")).expect(200);
		assertThat(projects.json().findValuesAsString("organizationId")).isNotEmpty().containsOnly("org_acme");
		assertThat(projects.json().findValuesAsString("id")).doesNotContain(GLOBEX_PROJECT);

		// not found, as if it did not exist: an id of another organization says nothing
		sampleApi(JsonCall.get("/projects/" + GLOBEX_PROJECT)).expect(404);
		sampleApi(JsonCall.delete("/projects/" + GLOBEX_PROJECT)).expect(404);
		assertThat(globexProjectExists()).isTrue();
	}

	private static Answer sampleApi(JsonCall call) {
		return call.send(product.sampleApiUrl(), alice.accessToken());
	}

	private static boolean globexProjectExists() {
		Long count = product.sampleApi()
			.getBean(DatabaseClient.class)
			.sql("SELECT count(*) AS n FROM project WHERE id = :id::uuid AND organization_id = 'org_globex'")
			.bind("id", GLOBEX_PROJECT)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block();
		return count != null && count == 1;
	}

}
