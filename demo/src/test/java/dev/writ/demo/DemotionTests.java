package dev.writ.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.writ.demo.JsonCall.Answer;
import dev.writ.demo.browser.CallbackServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Demoting an admin to member takes effect at once, not when their token expires: the old
 * access token is refused at sample-api within a second for an admin's action, the old
 * refresh token is dead, and a new sign-in gets a member's token.
 */
class DemotionTests {

	private static DemoStack product;

	private static CallbackServer callback;

	private static ScratchOrganization organization;

	@BeforeAll
	static void start() {
		product = RunningProduct.shared();
		callback = CallbackServer.start();
		organization = ScratchOrganization.create(product, "admin");
	}

	@AfterAll
	static void stop() {
		try {
			organization.close();
		}
		finally {
			callback.close();
		}
	}

	@Test
	void demoteWhenAdminBecomesMemberThenOldTokensRefusedWithinOneSecondAndNewOnesAreMembers() throws Exception {
		SignedInUser owner = organization.signIn("owner", callback);
		SignedInUser admin = organization.signIn("admin", callback);
		assertThat(admin.claims().getStringClaim("role")).isEqualTo("admin");
		String adminToken = admin.accessToken();
		String deleted = project(adminToken, "Deleted while admin");
		deleteProject(adminToken, deleted).expect(204);
		String kept = project(adminToken, "Kept after the demotion");

		String adminId = organization.member("admin").id();
		String members = "/admin/api/organizations/" + organization.id() + "/members";
		JsonCall.get(members).send(product.authServerUrl(), adminToken).expect(200);
		JsonCall.patch(members + "/" + adminId, Map.of("role", "member"))
			.send(product.authServerUrl(), owner.accessToken())
			.expect(200);
		Instant demoted = Instant.now();

		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(20))
			.untilAsserted(() -> deleteProject(adminToken, kept).expect(401));
		assertThat(Duration.between(demoted, Instant.now())).isLessThan(Duration.ofSeconds(1));
		assertThat(deleteProject(adminToken, kept).challenge()).contains("error=\"invalid_token\"");
		SignOutEverywhereTests.assertInvalidGrant(admin.refresh());
		JsonCall.get(members).send(product.authServerUrl(), adminToken).expect(401);

		SignedInUser member = organization.signIn("admin", callback);
		assertThat(member.claims().getStringClaim("role")).isEqualTo("member");
		assertThat(member.claims().getStringListClaim("permissions")).doesNotContain("projects:delete");
		assertThat(deleteProject(member.accessToken(), kept).expect(403).challenge())
			.contains("error=\"insufficient_scope\"");
		JsonCall.get(members).send(product.authServerUrl(), member.accessToken()).expect(403);
		assertThat(organization.roleOf(adminId)).isEqualTo("member");
	}

	private static String project(String token, String name) {
		return JsonCall.post("/projects", Map.of("name", name))
			.send(product.sampleApiUrl(), token)
			.expect(201)
			.json()
			.get("id")
			.asString();
	}

	private static Answer deleteProject(String token, String id) {
		return JsonCall.delete("/projects/" + id).send(product.sampleApiUrl(), token);
	}

}
