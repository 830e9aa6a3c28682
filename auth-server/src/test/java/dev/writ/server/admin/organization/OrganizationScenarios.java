package dev.writ.server.admin.organization;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.writ.server.account.User;
import dev.writ.server.test.AccessTokens;
import dev.writ.server.test.AdminApiClient;
import dev.writ.server.test.AdminApiScenario;
import dev.writ.server.test.AdminApiScenarios;
import dev.writ.server.test.AdminFixtures;
import dev.writ.server.test.TestAuthServer;

import static org.assertj.core.api.Assertions.assertThat;

/** The happy path of each organization operation, for {@code AdminApiOperationsTests}. */
public final class OrganizationScenarios implements AdminApiScenarios {

	@Override
	public Map<String, AdminApiScenario> scenarios() {
		return Map.ofEntries(Map.entry("listOrganizations", OrganizationScenarios::listOrganizations),
				Map.entry("createOrganization", OrganizationScenarios::createOrganization),
				Map.entry("getOrganization", (server, api) -> {
					Owned owned = Owned.create(server);
					assertThat(body(api.get(path(owned), owned.token))).containsEntry("id", owned.organization)
						.containsEntry("apiTokenMaxLifetime", "PT2160H");
				}), Map.entry("updateOrganization", (server, api) -> {
					Owned owned = Owned.create(server);
					assertThat(body(api.patch(path(owned), owned.token, """
							{"name":"Renamed","apiTokenMaxLifetime":"P7D"}"""))).containsEntry("name", "Renamed")
						.containsEntry("apiTokenMaxLifetime", "PT168H");
				}), Map.entry("deleteOrganization", (server, api) -> {
					Owned owned = Owned.create(server);
					api.delete(path(owned), owned.token).expectStatus().isNoContent();
				}), Map.entry("listMembers", (server, api) -> {
					Owned owned = Owned.create(server);
					assertThat(items(api.get(path(owned) + "/members", owned.token))).singleElement()
						.satisfies((member) -> assertThat(member).containsEntry("userId", owned.owner.id())
							.containsEntry("role", "owner"));
				}), Map.entry("changeMemberRole", (server, api) -> {
					Owned owned = Owned.create(server);
					User member = owned.fixtures.member(owned.organization, "member");
					assertThat(body(api.patch(path(owned) + "/members/" + member.id(), owned.token, """
							{"role":"admin"}"""))).containsEntry("role", "admin");
				}), Map.entry("removeMember", (server, api) -> {
					Owned owned = Owned.create(server);
					User member = owned.fixtures.member(owned.organization, "member");
					api.delete(path(owned) + "/members/" + member.id(), owned.token).expectStatus().isNoContent();
				}), Map.entry("listInvitations", (server, api) -> {
					Owned owned = Owned.create(server);
					String id = invite(api, owned);
					assertThat(items(api.get(path(owned) + "/invitations", owned.token))).extracting((i) -> i.get("id"))
						.containsExactly(id);
				}), Map.entry("createInvitation", (server, api) -> invite(api, Owned.create(server))),
				Map.entry("revokeInvitation", (server, api) -> {
					Owned owned = Owned.create(server);
					api.delete(path(owned) + "/invitations/" + invite(api, owned), owned.token)
						.expectStatus()
						.isNoContent();
				}), Map.entry("listApiTokens", (server, api) -> {
					Owned owned = Owned.create(server);
					String id = createToken(api, owned);
					assertThat(items(api.get(path(owned) + "/api-tokens", owned.token))).extracting((t) -> t.get("id"))
						.containsExactly(id);
				}), Map.entry("createApiToken", (server, api) -> createToken(api, Owned.create(server))),
				Map.entry("revokeApiToken", (server, api) -> {
					Owned owned = Owned.create(server);
					api.delete(path(owned) + "/api-tokens/" + createToken(api, owned), owned.token)
						.expectStatus()
						.isNoContent();
				}), Map.entry("queryAuditLog", (server, api) -> {
					Owned owned = Owned.create(server);
					createToken(api, owned);
					assertThat(items(api.get(path(owned) + "/audit-log?action=api_token.created", owned.token)))
						.singleElement()
						.satisfies((record) -> assertThat(record).containsEntry("action", "api_token.created")
							.containsEntry("actor", Map.of("kind", "user", "id", owned.owner.id())));
				}));
	}

	private static void listOrganizations(TestAuthServer server, AdminApiClient api) {
		String alice = AccessTokens.forUser(server, "alice@acme.test", AccessTokens.DEMO_PASSWORD,
				"manage:organization");
		assertThat(items(api.get("/admin/api/organizations", alice))).extracting((o) -> o.get("id"))
			.containsExactly("org_acme");
		String platform = AccessTokens.forPlatform(server, "admin:organizations");
		assertThat(items(api.get("/admin/api/organizations?limit=100", platform))).isNotEmpty();
	}

	private static void createOrganization(TestAuthServer server, AdminApiClient api) {
		AdminFixtures fixtures = new AdminFixtures(server);
		User user = fixtures.user();
		String token = fixtures.token(user);
		String slug = "new-" + UUID.randomUUID().toString().substring(0, 8);
		String location = api.post("/admin/api/organizations", token, """
				{"slug":"%s","name":"New Workspace"}""".formatted(slug))
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.slug")
			.isEqualTo(slug)
			.returnResult()
			.getResponseHeaders()
			.getLocation()
			.toString();
		assertThat(location).startsWith("/admin/api/organizations/org_");
	}

	private static String invite(AdminApiClient api, Owned owned) {
		return (String) body(api.post(path(owned) + "/invitations", owned.token, """
				{"email":"invitee-%s@example.test","role":"member"}""".formatted(UUID.randomUUID())), 201).get("id");
	}

	private static String createToken(AdminApiClient api, Owned owned) {
		Map<String, Object> created = body(api.post(path(owned) + "/api-tokens", owned.token, """
				{"name":"ci","scope":"read:projects"}"""), 201);
		assertThat((String) created.get("secret")).startsWith("writ_pat_");
		return (String) created.get("id");
	}

	static String path(Owned owned) {
		return "/admin/api/organizations/" + owned.organization;
	}

	static Map<String, Object> body(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response) {
		return body(response, 200);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> body(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response,
			int status) {
		return response.expectStatus().isEqualTo(status).expectBody(Map.class).returnResult().getResponseBody();
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> items(
			org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response) {
		return (List<Map<String, Object>>) body(response).get("items");
	}

	/** A new organization with a new owner and the owner's token. */
	static final class Owned {

		final AdminFixtures fixtures;

		final String organization;

		final User owner;

		final String token;

		private Owned(AdminFixtures fixtures, String organization, User owner, String token) {
			this.fixtures = fixtures;
			this.organization = organization;
			this.owner = owner;
			this.token = token;
		}

		static Owned create(TestAuthServer server) {
			AdminFixtures fixtures = new AdminFixtures(server);
			String organization = fixtures.organization();
			User owner = fixtures.member(organization, "owner");
			return new Owned(fixtures, organization, owner, fixtures.token(owner));
		}

	}

}
