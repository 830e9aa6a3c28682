package dev.writ.server.admin.users;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.writ.server.account.User;
import dev.writ.server.test.AccessTokens;
import dev.writ.server.test.AdminApiScenario;
import dev.writ.server.test.AdminApiScenarios;
import dev.writ.server.test.AdminFixtures;

/** The happy path of each users operation, as a platform operator. */
public final class UserScenarios implements AdminApiScenarios {

	@Override
	public Map<String, AdminApiScenario> scenarios() {
		Map<String, AdminApiScenario> scenarios = new LinkedHashMap<>();
		scenarios.put("getUser",
				(server, api) -> api.get("/admin/api/users/usr_alice", AccessTokens.forPlatform(server, "admin:users"))
					.expectStatus()
					.isOk()
					.expectBody()
					.jsonPath("$.email")
					.isEqualTo("alice@acme.test"));
		scenarios.put("disableUser", (server, api) -> {
			User user = new AdminFixtures(server).user();
			api.post("/admin/api/users/" + user.id() + "/disable", AccessTokens.forPlatform(server, "admin:users"),
					null)
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.disabled")
				.isEqualTo(true);
		});
		scenarios.put("enableUser", (server, api) -> {
			User user = new AdminFixtures(server).user();
			new AdminFixtures(server).disable(user);
			api.post("/admin/api/users/" + user.id() + "/enable", AccessTokens.forPlatform(server, "admin:users"), null)
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.disabled")
				.isEqualTo(false);
		});
		return scenarios;
	}

}
