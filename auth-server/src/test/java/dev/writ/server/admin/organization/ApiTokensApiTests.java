package dev.writ.server.admin.organization;

import java.time.Duration;
import java.util.Map;

import dev.writ.server.account.User;
import dev.writ.server.apitoken.ApiTokens;
import dev.writ.server.test.AccessTokens;
import dev.writ.server.test.AdminApiClient;
import dev.writ.server.test.AdminApiServer;
import dev.writ.server.test.AdminFixtures;
import dev.writ.server.test.Problems;
import dev.writ.server.test.TestAuthServer;
import dev.writ.server.token.RevocationList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.writ.server.admin.organization.OrganizationScenarios.body;
import static dev.writ.server.admin.organization.OrganizationScenarios.items;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /admin/api/organizations/{org}/api-tokens}: members manage their own personal
 * tokens, token managers all of them; a secret is shown once; a revocation reaches
 * resource servers at once.
 */
class ApiTokensApiTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static TestAuthServer server;

	private static AdminApiClient api;

	private static AdminFixtures fixtures;

	private String organization;

	private User admin;

	private String adminToken;

	private User member;

	private String memberToken;

	@BeforeAll
	static void start() {
		server = AdminApiServer.get();
		api = new AdminApiClient(server);
		fixtures = new AdminFixtures(server);
	}

	@BeforeEach
	void organization() {
		this.organization = fixtures.organization();
		this.admin = fixtures.member(this.organization, "admin");
		this.adminToken = fixtures.token(this.admin);
		this.member = fixtures.member(this.organization, "member");
		this.memberToken = fixtures.token(this.member);
	}

	private String tokens() {
		return "/admin/api/organizations/" + this.organization + "/api-tokens";
	}

	private Map<String, Object> create(String token, String json) {
		return body(api.post(tokens(), token, json), 201);
	}

	@Test
	void createWhenMemberThenPersonalTokenWhoseSecretWorksOnce() {
		Map<String, Object> created = create(this.memberToken, """
				{"name":"laptop","scope":"read:projects write:projects","lifetime":"P30D"}""");
		assertThat(created).containsEntry("name", "laptop")
			.containsEntry("scope", "read:projects write:projects")
			.containsEntry("ownerUserId", this.member.id())
			.containsEntry("createdBy", this.member.id());
		String secret = (String) created.get("secret");
		assertThat(server.bean(ApiTokens.class).introspect(secret).block(TIMEOUT).organizationId())
			.isEqualTo(this.organization);
		Map<String, Object> listed = items(api.get(tokens(), this.memberToken)).get(0);
		assertThat(listed).containsEntry("id", created.get("id"))
			.containsEntry("active", true)
			.doesNotContainKey("secret");
		assertThat(listed.toString()).doesNotContain(secret);
	}

	@Test
	void listWhenMemberThenOwnPersonalTokensOnlyAndWhenManagerThenAll() {
		String mine = (String) create(this.memberToken, """
				{"name":"mine","scope":"read:projects"}""").get("id");
		String admins = (String) create(this.adminToken, """
				{"name":"admin's","scope":"read:projects"}""").get("id");
		String organizations = (String) create(this.adminToken, """
				{"name":"ci","scope":"read:deployments","organizationOwned":true}""").get("id");
		assertThat(items(api.get(tokens(), this.memberToken))).extracting((token) -> token.get("id"))
			.containsExactly(mine);
		assertThat(items(api.get(tokens(), this.adminToken))).extracting((token) -> token.get("id"))
			.containsExactlyInAnyOrder(mine, admins, organizations);
		String platform = AccessTokens.forPlatform(server, "admin:organizations");
		assertThat(items(api.get(tokens(), platform))).hasSize(3);
	}

	@Test
	void createWhenMemberAsksForAnOrganizationOwnedTokenThenForbidden() {
		Problems.forbidden(api.post(tokens(), this.memberToken, """
				{"name":"ci","scope":"read:projects","organizationOwned":true}"""));
	}

	@Test
	void createWhenScopeBeyondTheRoleThenForbidden() {
		Map<String, Object> problem = Problems.forbidden(api.post(tokens(), this.memberToken, """
				{"name":"sneaky","scope":"read:projects manage:organization"}"""));
		assertThat((String) problem.get("detail")).contains("manage:organization");
	}

	@Test
	void createWhenValuesBrokenThenValidation() {
		Problems.invalid(api.post(tokens(), this.memberToken, """
				{"name":"x","scope":"read:projects  write:projects"}"""), "#/scope",
				"must be scope tokens separated by single spaces");
		Problems.invalid(api.post(tokens(), this.memberToken, """
				{"scope":"read:projects"}"""), "#/name", "is required");
		Problems.invalid(api.post(tokens(), this.memberToken, """
				{"name":"x","scope":"read:projects","lifetime":"PT0S"}"""), "#/lifetime",
				"must be a positive duration");
		Problems.invalid(api.post(tokens(), this.memberToken, """
				{"name":"x","scope":"read:projects","organizationOwned":"yes"}"""), "#/organizationOwned",
				"must be true or false");
	}

	@Test
	void createWhenPlatformThenForbidden() {
		String platform = AccessTokens.forPlatform(server, "admin:organizations");
		Problems.forbidden(api.post(tokens(), platform, """
				{"name":"ops","scope":"read:projects"}"""));
	}

	@Test
	void revokeWhenOwnTokenThenRevokedAtOnceAndAudited() throws Exception {
		Map<String, Object> created = create(this.memberToken, """
				{"name":"old","scope":"read:projects"}""");
		String id = (String) created.get("id");
		api.delete(tokens() + "/" + id, this.memberToken).expectStatus().isNoContent();
		assertThat(server.bean(RevocationList.class).isRevoked(id).block(TIMEOUT)).isTrue();
		assertThat(server.bean(ApiTokens.class).introspect((String) created.get("secret")).blockOptional(TIMEOUT))
			.isEmpty();
		assertThat(items(api.get(tokens(), this.memberToken)).get(0)).containsEntry("active", false)
			.containsKey("revokedAt");
		assertThat(items(api.get("/admin/api/organizations/" + this.organization + "/audit-log?target=api_token",
				this.adminToken)))
			.extracting((record) -> record.get("action"))
			.containsExactly("api_token.revoked", "api_token.created");
	}

	@Test
	void revokeWhenAnotherMembersTokenThenNotFoundForAMemberAndAllowedForAManager() {
		String admins = (String) create(this.adminToken, """
				{"name":"admin's","scope":"read:projects"}""").get("id");
		String members = (String) create(this.memberToken, """
				{"name":"member's","scope":"read:projects"}""").get("id");
		Problems.expect(api.delete(tokens() + "/" + admins, this.memberToken), 404, "not-found");
		assertThat(server.bean(RevocationList.class).isRevoked(admins).block(TIMEOUT)).isFalse();
		api.delete(tokens() + "/" + members, this.adminToken).expectStatus().isNoContent();
		Problems.expect(api.delete(tokens() + "/pat_none", this.adminToken), 404, "not-found");
	}

}
