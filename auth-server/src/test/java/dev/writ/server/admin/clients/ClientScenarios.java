package dev.writ.server.admin.clients;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.writ.server.test.AccessTokens;
import dev.writ.server.test.AdminApiClient;
import dev.writ.server.test.AdminApiScenario;
import dev.writ.server.test.AdminApiScenarios;
import dev.writ.server.test.AdminFixtures;
import dev.writ.server.test.TestAuthServer;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The happy path of each clients operation, as a platform operator ({@code listClients}
 * as an organization's admin, who sees their organization's clients).
 */
public final class ClientScenarios implements AdminApiScenarios {

	private static final String MACHINE = """
			{"name": "Scenario job", "grantTypes": ["client_credentials"], "scopes": ["read:projects"]}""";

	@Override
	public Map<String, AdminApiScenario> scenarios() {
		Map<String, AdminApiScenario> scenarios = new LinkedHashMap<>();
		scenarios.put("listClients", (server, api) -> {
			AdminFixtures fixtures = new AdminFixtures(server);
			String organization = fixtures.organization();
			String admin = fixtures.token(fixtures.member(organization, "admin"));
			String clientId = create(api, admin);
			api.get("/admin/api/clients", admin)
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.items[0].clientId")
				.isEqualTo(clientId)
				.jsonPath("$.items[0].organization")
				.isEqualTo(organization);
		});
		scenarios.put("createClient", (server, api) -> api.post("/admin/api/clients", platform(server), MACHINE)
			.expectStatus()
			.isCreated()
			.expectHeader()
			.value(HttpHeaders.LOCATION, (location) -> assertThat(location).startsWith("/admin/api/clients/cli_"))
			.expectBody()
			.jsonPath("$.clientSecret")
			.value((secret) -> assertThat((String) secret).startsWith("writ_cs_")));
		scenarios.put("getClient",
				(server, api) -> api.get("/admin/api/clients/demo-web", platform(server))
					.expectStatus()
					.isOk()
					.expectBody()
					.jsonPath("$.name")
					.isEqualTo("Demo web application"));
		scenarios.put("updateClient", (server, api) -> {
			String token = platform(server);
			api.patch("/admin/api/clients/" + create(api, token), token, "{\"name\": \"Renamed job\"}")
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.name")
				.isEqualTo("Renamed job");
		});
		scenarios.put("deleteClient", (server, api) -> {
			String token = platform(server);
			api.delete("/admin/api/clients/" + create(api, token), token).expectStatus().isNoContent();
		});
		scenarios.put("rotateClientSecret", (server, api) -> {
			String token = platform(server);
			api.post("/admin/api/clients/" + create(api, token) + "/secret", token, null)
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.clientSecret")
				.value((secret) -> assertThat((String) secret).startsWith("writ_cs_"));
		});
		return scenarios;
	}

	private static String platform(TestAuthServer server) {
		return AccessTokens.forPlatform(server, "admin:clients");
	}

	/** A new machine client, registered as {@code token}'s caller; answers its id. */
	@SuppressWarnings("unchecked")
	private static String create(AdminApiClient api, String token) {
		Map<String, Object> client = api.post("/admin/api/clients", token, MACHINE)
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (String) client.get("clientId");
	}

}
