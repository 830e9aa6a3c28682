package dev.writ.server.admin;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.writ.server.account.User;
import dev.writ.server.event.Actor;
import dev.writ.server.org.Grantor;
import dev.writ.server.org.OrganizationRoles;
import dev.writ.server.test.AdminApiScenario;
import dev.writ.server.test.AdminApiScenarios;
import dev.writ.server.test.AdminFixtures;
import dev.writ.server.test.TestAuthServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The happy path of each roles operation, as an organization's owner takes it in an
 * organization of the scenario's own.
 */
final class RoleScenarios implements AdminApiScenarios {

	@Override
	public Map<String, AdminApiScenario> scenarios() {
		return Map.of("listRoles", (server, api) -> {
			Owner owner = Owner.of(server);
			api.get(owner.roles(), owner.token())
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.roles[*].name")
				.isEqualTo(List.of("owner", "admin", "member"));
		}, "createRole", (server, api) -> {
			Owner owner = Owner.of(server);
			api.post(owner.roles(), owner.token(), """
					{"name":"support","description":"Helps customers","permissions":["projects:read"]}""")
				.expectStatus()
				.isCreated()
				.expectHeader()
				.location(owner.roles() + "/support");
			assertThat(roles(server).find(owner.organization(), "support").block()).isNotNull();
		}, "getRole", (server, api) -> {
			Owner owner = Owner.of(server).with("support");
			api.get(owner.roles() + "/support", owner.token())
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.permissions")
				.isEqualTo(List.of("projects:read"));
		}, "updateRole", (server, api) -> {
			Owner owner = Owner.of(server).with("support");
			api.put(owner.roles() + "/support", owner.token(), """
					{"description":"Reads and writes","permissions":["projects:read","projects:write"]}""")
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.permissions")
				.isEqualTo(List.of("projects:read", "projects:write"));
		}, "deleteRole", (server, api) -> {
			Owner owner = Owner.of(server).with("support");
			api.delete(owner.roles() + "/support", owner.token()).expectStatus().isNoContent();
			assertThat(roles(server).find(owner.organization(), "support").block()).isNull();
		});
	}

	private static OrganizationRoles roles(TestAuthServer server) {
		return server.bean(OrganizationRoles.class);
	}

	/**
	 * The owner of a new organization, with a token for the admin API.
	 *
	 * @param server the server
	 * @param organization the organization's id
	 * @param token the owner's access token with {@code manage:organization}
	 */
	private record Owner(TestAuthServer server, String organization, String token) {

		static Owner of(TestAuthServer server) {
			AdminFixtures fixtures = new AdminFixtures(server);
			String organization = fixtures.organization();
			User owner = fixtures.member(organization, "owner");
			return new Owner(server, organization, fixtures.token(owner));
		}

		/** With the role {@code name} defined, granting {@code projects:read}. */
		Owner with(String name) {
			RoleScenarios.roles(this.server)
				.define(this.organization, name, null, List.of("projects:read"),
						Grantor.platform(Actor.client("scenario-" + UUID.randomUUID())))
				.block();
			return this;
		}

		String roles() {
			return "/admin/api/organizations/" + this.organization + "/roles";
		}

	}

}
