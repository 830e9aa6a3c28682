package dev.writ.server.admin.organization;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.writ.server.account.User;
import dev.writ.server.audit.AuditFilter;
import dev.writ.server.audit.AuditLogQuery;
import dev.writ.server.audit.AuditRecord;
import dev.writ.server.invitation.InvitationException;
import dev.writ.server.invitation.Invitations;
import dev.writ.server.test.AccessTokens;
import dev.writ.server.test.AdminApiClient;
import dev.writ.server.test.AdminApiServer;
import dev.writ.server.test.AdminFixtures;
import dev.writ.server.test.Problems;
import dev.writ.server.test.ReceivedMail;
import dev.writ.server.test.TestAuthServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.writ.server.admin.organization.OrganizationScenarios.body;
import static dev.writ.server.admin.organization.OrganizationScenarios.items;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code /admin/api/organizations/{org}/invitations}: inviting sends the email with the
 * link, a withdrawn link stops working, and nobody invites into a role above their own.
 */
class InvitationsApiTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static TestAuthServer server;

	private static AdminApiClient api;

	private static AdminFixtures fixtures;

	private String organization;

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
		fixtures.member(this.organization, "owner");
		this.admin = fixtures.member(this.organization, "admin");
		this.adminToken = fixtures.token(this.admin);
	}

	private String invitations() {
		return "/admin/api/organizations/" + this.organization + "/invitations";
	}

	private static String email() {
		return "invitee-" + UUID.randomUUID() + "@example.test";
	}

	private static String invitation(String email, String role) {
		return "{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}";
	}

	private List<AuditRecord> audit(String action) {
		return server.bean(AuditLogQuery.class)
			.find(this.organization, AuditFilter.NEWEST.withAction(action))
			.collectList()
			.block(TIMEOUT);
	}

	@Test
	void createWhenAdminInvitesAMemberThenEmailedListedAndAudited() {
		String email = email();
		Map<String, Object> created = body(api.post(invitations(), this.adminToken, invitation(email, "member")), 201);
		assertThat(created).containsEntry("email", email)
			.containsEntry("role", "member")
			.containsEntry("invitedBy", this.admin.id())
			.containsKeys("id", "createdAt", "expiresAt");
		String link = ReceivedMail.invitationLink(ReceivedMail.awaitOne(AdminApiServer.smtp(), email));
		assertThat(link).contains("/invitations/writ_inv_");
		assertThat(items(api.get(invitations(), this.adminToken))).extracting((invitation) -> invitation.get("id"))
			.containsExactly(created.get("id"));
		assertThat(audit("invitation.created")).singleElement()
			.satisfies((record) -> assertThat(record.details()).containsEntry("email", email)
				.containsEntry("role", "member"));
	}

	@Test
	void createWhenAdminInvitesAnOwnerThenForbiddenAndNothingSent() {
		String email = email();
		Problems.forbidden(api.post(invitations(), this.adminToken, invitation(email, "owner")));
		assertThat(items(api.get(invitations(), this.adminToken))).isEmpty();
		assertThat(ReceivedMail.to(AdminApiServer.smtp(), email)).isEmpty();
	}

	@Test
	void createWhenPlatformInvitesAnOwnerThenNoInviter() {
		String platform = AccessTokens.forPlatform(server, "admin:organizations");
		assertThat(body(api.post(invitations(), platform, invitation(email(), "owner")), 201))
			.containsEntry("invitedBy", null)
			.containsEntry("role", "owner");
	}

	@Test
	void createWhenValuesBrokenThenValidation() {
		Problems.invalid(api.post(invitations(), this.adminToken, invitation("not-an-address", "member")), "#/email",
				"must be an email address");
		Problems.invalid(api.post(invitations(), this.adminToken, invitation(email(), "emperor")), "#/role",
				"no such role");
	}

	@Test
	void createOrListWhenMemberRoleThenForbidden() {
		String memberToken = fixtures.token(fixtures.member(this.organization, "member"));
		Problems.forbidden(api.post(invitations(), memberToken, invitation(email(), "member")));
		Problems.forbidden(api.get(invitations(), memberToken));
	}

	@Test
	void revokeWhenPendingThenTheLinkStopsWorkingAndItIsAudited() {
		String email = email();
		String id = (String) body(api.post(invitations(), this.adminToken, invitation(email, "member")), 201).get("id");
		String link = ReceivedMail.invitationLink(ReceivedMail.awaitOne(AdminApiServer.smtp(), email));
		String token = link.substring(link.lastIndexOf('/') + 1);

		api.delete(invitations() + "/" + id, this.adminToken).expectStatus().isNoContent();

		assertThatExceptionOfType(InvitationException.class)
			.isThrownBy(() -> server.bean(Invitations.class).findPending(token).block(TIMEOUT))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(InvitationException.Reason.UNKNOWN));
		assertThat(audit("invitation.revoked")).singleElement()
			.satisfies((record) -> assertThat(record.target().id()).isEqualTo(id));
		Problems.expect(api.delete(invitations() + "/" + id, this.adminToken), 404, "not-found");
	}

	@Test
	void revokeWhenAnotherOrganizationsInvitationThenNotFound() {
		String other = fixtures.organization();
		String platform = AccessTokens.forPlatform(server, "admin:organizations");
		String id = (String) body(
				api.post("/admin/api/organizations/" + other + "/invitations", platform, invitation(email(), "member")),
				201)
			.get("id");
		Problems.expect(api.delete(invitations() + "/" + id, this.adminToken), 404, "not-found");
	}

}
