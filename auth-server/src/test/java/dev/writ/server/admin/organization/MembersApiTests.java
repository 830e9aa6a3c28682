package dev.writ.server.admin.organization;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.writ.server.account.User;
import dev.writ.server.audit.AuditFilter;
import dev.writ.server.audit.AuditLogQuery;
import dev.writ.server.audit.AuditRecord;
import dev.writ.server.org.Memberships;
import dev.writ.server.org.OrganizationRole;
import dev.writ.server.test.AccessTokens;
import dev.writ.server.test.AdminApiClient;
import dev.writ.server.test.AdminApiServer;
import dev.writ.server.test.AdminFixtures;
import dev.writ.server.test.Problems;
import dev.writ.server.test.TestAuthServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.writ.server.admin.organization.OrganizationScenarios.body;
import static dev.writ.server.admin.organization.OrganizationScenarios.items;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /admin/api/organizations/{org}/members}: role changes and removals, which take
 * effect at once, and the rules nobody escapes: no granting beyond one's own role, owners
 * touched by owners only, never without an owner.
 */
class MembersApiTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static TestAuthServer server;

	private static AdminApiClient api;

	private static AdminFixtures fixtures;

	private String organization;

	private User owner;

	private User admin;

	private String adminToken;

	@BeforeAll
	static void start() {
		server = AdminApiServer.get();
		api = new AdminApiClient(server);
		fixtures = new AdminFixtures(server);
	}

	@BeforeEach
	void organization() {
		this.organization = fixtures.organization();
		this.owner = fixtures.member(this.organization, "owner");
		this.admin = fixtures.member(this.organization, "admin");
		this.adminToken = fixtures.token(this.admin);
	}

	private String members() {
		return "/admin/api/organizations/" + this.organization + "/members";
	}

	private String member(User user) {
		return members() + "/" + user.id();
	}

	private static String role(String role) {
		return "{\"role\":\"" + role + "\"}";
	}

	private String currentRole(User user) {
		return server.bean(Memberships.class)
			.find(user.id(), this.organization)
			.map(OrganizationRole::role)
			.blockOptional(TIMEOUT)
			.orElse(null);
	}

	private List<AuditRecord> audit(String action) {
		return server.bean(AuditLogQuery.class)
			.find(this.organization, AuditFilter.NEWEST.withAction(action))
			.collectList()
			.block(TIMEOUT);
	}

	@Test
	void listWhenAdminThenEveryMemberWithAccount() {
		assertThat(items(api.get(members(), this.adminToken)))
			.extracting((member) -> member.get("userId") + ":" + member.get("role") + ":" + member.get("email"))
			.containsExactly(this.owner.id() + ":owner:" + this.owner.email(),
					this.admin.id() + ":admin:" + this.admin.email());
	}

	@Test
	void listWhenMemberRoleThenForbidden() {
		User member = fixtures.member(this.organization, "member");
		Problems.forbidden(api.get(members(), fixtures.token(member)));
	}

	@Test
	void changeRoleWhenAdminPromotesAMemberThenAtOnceAndAudited() {
		User member = fixtures.member(this.organization, "member");
		String memberToken = fixtures.token(member);
		api.get("/admin/api/organizations/" + this.organization, memberToken).expectStatus().isOk();

		assertThat(body(api.patch(member(member), this.adminToken, role("admin")))).containsEntry("role", "admin")
			.containsEntry("userId", member.id());

		assertThat(currentRole(member)).isEqualTo("admin");
		// the token issued under the old role is revoked at once
		Problems.expect(api.get("/admin/api/organizations/" + this.organization, memberToken), 401, "unauthorized");
		AuditRecord record = audit("membership.role_changed").get(0);
		assertThat(record.actor().id()).isEqualTo(this.admin.id());
		assertThat(record.target().id()).isEqualTo(member.id());
		assertThat(record.details()).containsEntry("from", "member").containsEntry("to", "admin");
		assertThat(record.ipAddress()).isIn("127.0.0.1", "::1");
	}

	@Test
	void changeRoleWhenAdminMakesAnOwnerThenForbidden() {
		User member = fixtures.member(this.organization, "member");
		Problems.forbidden(api.patch(member(member), this.adminToken, role("owner")));
		Problems.forbidden(api.patch(member(this.admin), this.adminToken, role("owner")));
		assertThat(currentRole(member)).isEqualTo("member");
		assertThat(currentRole(this.admin)).isEqualTo("admin");
		assertThat(audit("membership.role_changed")).isEmpty();
	}

	@Test
	void changeRoleWhenAdminDemotesOrRemovesAnOwnerThenForbidden() {
		Problems.forbidden(api.patch(member(this.owner), this.adminToken, role("member")));
		Problems.forbidden(api.delete(member(this.owner), this.adminToken));
		assertThat(currentRole(this.owner)).isEqualTo("owner");
	}

	@Test
	void changeRoleWhenTheLastOwnerStepsDownThenConflict() {
		String ownerToken = fixtures.token(this.owner);
		Map<String, Object> problem = Problems.expect(api.patch(member(this.owner), ownerToken, role("admin")), 409,
				"conflict");
		assertThat((String) problem.get("detail")).contains("at least one owner");
		Problems.expect(api.delete(member(this.owner), ownerToken), 409, "conflict");
		assertThat(currentRole(this.owner)).isEqualTo("owner");
		assertThat(audit("membership.role_changed")).isEmpty();
	}

	@Test
	void changeRoleWhenOwnerMakesAnotherOwnerThenTheFirstMayStepDown() {
		String ownerToken = fixtures.token(this.owner);
		api.patch(member(this.admin), ownerToken, role("owner")).expectStatus().isOk();
		api.patch(member(this.owner), ownerToken, role("member")).expectStatus().isOk();
		assertThat(currentRole(this.owner)).isEqualTo("member");
		assertThat(currentRole(this.admin)).isEqualTo("owner");
	}

	@Test
	void changeRoleWhenPlatformThenMayMakeAnOwner() {
		String platform = AccessTokens.forPlatform(server, "admin:organizations");
		api.patch(member(this.admin), platform, role("owner")).expectStatus().isOk();
		assertThat(audit("membership.role_changed").get(0).actor().kind()).isEqualTo("client");
	}

	@Test
	void changeRoleWhenNoSuchRoleThenValidation() {
		Problems.invalid(api.patch(member(this.admin), this.adminToken, role("emperor")), "#/role", "no such role");
		Problems.invalid(api.patch(member(this.admin), this.adminToken, "{}"), "#/role", "is required");
	}

	@Test
	void changeRoleOrRemoveWhenNotAMemberThenNotFound() {
		User outsider = fixtures.user();
		Problems.expect(api.patch(member(outsider), this.adminToken, role("member")), 404, "not-found");
		Problems.expect(api.delete(member(outsider), this.adminToken), 404, "not-found");
	}

	@Test
	void removeWhenAdminRemovesAMemberThenGoneTokensDeadAndAudited() {
		User member = fixtures.member(this.organization, "member");
		String memberToken = fixtures.token(member);
		api.delete(member(member), this.adminToken).expectStatus().isNoContent();
		assertThat(currentRole(member)).isNull();
		Problems.expect(api.get("/admin/api/organizations/" + this.organization, memberToken), 401, "unauthorized");
		assertThat(audit("membership.removed")).singleElement()
			.satisfies((record) -> assertThat(record.details()).containsEntry("role", "member"));
	}

	@Test
	void removeWhenMemberRoleThenForbidden() {
		User member = fixtures.member(this.organization, "member");
		Problems.forbidden(api.delete(member(this.admin), fixtures.token(member)));
		assertThat(currentRole(this.admin)).isEqualTo("admin");
	}

}
