package dev.writ.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.writ.demo.JsonCall.Answer;
import dev.writ.demo.browser.CallbackServer;
import dev.writ.server.org.Memberships;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An acme token stays in acme: alice (acme's owner, who may do everything there) signs in
 * to demo-web with {@code manage:organization}, and her token can neither read globex's
 * projects at sample-api nor manage globex through the admin API: every organization-
 * scoped operation on globex is 403, and a globex client is not even found.
 */
class CrossOrganizationTests {

	/** Globex's project in the demo data. */
	private static final String GLOBEX_PROJECT = "0a1c3d9e-0000-4000-8000-000000000003";

	private static final String GLOBEX = "/admin/api/organizations/org_globex";

	private static DemoStack product;

	private static CallbackServer callback;

	private static SignedInUser alice;

	private static Platform platform;

	private static String globexClient;

	@BeforeAll
	static void start() {
		product = RunningProduct.shared();
		callback = CallbackServer.start();
		alice = SignedInUser.signIn(product, callback, "alice@acme.test");
		platform = new Platform(product);
		globexClient = platform
			.send(JsonCall.post("/admin/api/clients",
					Map.of("name", "Globex's integration", "grantTypes", List.of("client_credentials"), "scopes",
							List.of("read:projects"), "audiences", List.of(DemoStack.SAMPLE_API_AUDIENCE),
							"organization", "org_globex", "organizationRole", "member")))
			.expect(201)
			.json()
			.get("clientId")
			.asString();
	}

	@AfterAll
	static void stop() {
		try {
			if (globexClient != null) {
				platform.send(JsonCall.delete("/admin/api/clients/" + globexClient)).expect(204);
			}
		}
		finally {
			callback.close();
		}
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

	static Stream<JsonCall> globexOperations() {
		return Stream.of(JsonCall.get(GLOBEX), JsonCall.patch(GLOBEX, Map.of("name", "Acquired by Acme")),
				JsonCall.delete(GLOBEX), JsonCall.get(GLOBEX + "/members"),
				JsonCall.patch(GLOBEX + "/members/usr_gina", Map.of("role", "member")),
				JsonCall.delete(GLOBEX + "/members/usr_gina"), JsonCall.get(GLOBEX + "/invitations"),
				JsonCall.post(GLOBEX + "/invitations", Map.of("email", "mole@acme.test", "role", "admin")),
				JsonCall.delete(GLOBEX + "/invitations/inv_unknown"), JsonCall.get(GLOBEX + "/api-tokens"),
				JsonCall.post(GLOBEX + "/api-tokens", Map.of("name", "Mole", "scope", "read:projects")),
				JsonCall.delete(GLOBEX + "/api-tokens/pat_unknown"), JsonCall.get(GLOBEX + "/audit-log"),
				JsonCall.get(GLOBEX + "/roles"), JsonCall.get(GLOBEX + "/roles/admin"),
				JsonCall.post(GLOBEX + "/roles", Map.of("name", "mole", "permissions", List.of("projects:read"))),
				JsonCall.put(GLOBEX + "/roles/mole", Map.of("permissions", List.of("projects:read"))),
				JsonCall.delete(GLOBEX + "/roles/mole"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("globexOperations")
	void adminApiWhenAcmeTokenNamesGlobexThenForbiddenAndGlobexUnchanged(JsonCall call) {
		Answer answer = call.send(product.authServerUrl(), alice.accessToken()).expect(403);
		assertThat(answer.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(answer.json().get("type").asString()).isEqualTo("https://writ.dev/problems/forbidden");
		assertThat(answer.json().get("detail").asString()).contains("another organization");
		assertThat(answer.challenge()).contains("error=\"insufficient_scope\"");

		assertGlobexUnchanged();
	}

	/**
	 * Globex as the demo data made it: its name, gina an admin, nobody invited, no role
	 * of acme's.
	 */
	private static void assertGlobexUnchanged() {
		assertThat(platform.send(JsonCall.get(GLOBEX)).expect(200).json().get("name").asString())
			.isEqualTo("Globex Corporation");
		assertThat(platform.send(JsonCall.get(GLOBEX + "/invitations"))
			.expect(200)
			.json()
			.get("items")
			.findValuesAsString("email")).doesNotContain("mole@acme.test");
		platform.send(JsonCall.get(GLOBEX + "/roles/mole")).expect(404);
		assertThat(platform.send(JsonCall.get(GLOBEX + "/api-tokens"))
			.expect(200)
			.json()
			.get("items")
			.findValuesAsString("name")).doesNotContain("Mole");
		assertThat(product.authServer()
			.getBean(Memberships.class)
			.find("usr_gina", "org_globex")
			.map((membership) -> membership.role())
			.block(Duration.ofSeconds(30))).isEqualTo("admin");
	}

	@Test
	void adminApiWhenAcmeTokenThenGlobexClientIsNotFoundAndAcmeIsTheOnlyOrganization() {
		String client = "/admin/api/clients/" + globexClient;
		for (JsonCall call : List.of(JsonCall.get(client), JsonCall.patch(client, Map.of("name", "Mole")),
				JsonCall.post(client + "/secret"), JsonCall.delete(client))) {
			Answer answer = call.send(product.authServerUrl(), alice.accessToken()).expect(404);
			assertThat(answer.json().get("type").asString()).isEqualTo("https://writ.dev/problems/not-found");
		}
		assertThat(adminApi(JsonCall.get("/admin/api/clients")).expect(200)
			.json()
			.get("items")
			.findValuesAsString("clientId")).doesNotContain(globexClient);
		assertThat(platform.send(JsonCall.get(client)).expect(200).json().get("name").asString())
			.isEqualTo("Globex's integration");

		assertThat(adminApi(JsonCall.get("/admin/api/organizations")).expect(200)
			.json()
			.get("items")
			.findValuesAsString("id")).containsExactly("org_acme");
	}

	private static Answer sampleApi(JsonCall call) {
		return call.send(product.sampleApiUrl(), alice.accessToken());
	}

	private static Answer adminApi(JsonCall call) {
		return call.send(product.authServerUrl(), alice.accessToken());
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
