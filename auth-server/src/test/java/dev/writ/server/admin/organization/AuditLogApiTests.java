package dev.writ.server.admin.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.writ.server.account.User;
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
 * {@code /admin/api/organizations/{org}/audit-log}: what changed through the admin API,
 * by whom, from where, filtered and paged, for those with {@code audit:read}.
 */
class AuditLogApiTests {

	private static TestAuthServer server;

	private static AdminApiClient api;

	private static AdminFixtures fixtures;

	private String organization;

	private User admin;

	private String adminToken;

	private User member;

	@BeforeAll
	static void start() {
		server = AdminApiServer.get();
		api = new AdminApiClient(server);
		fixtures = new AdminFixtures(server);
	}

	/** Three changes: a promotion, a token, a removal. */
	@BeforeEach
	void organization() {
		this.organization = fixtures.organization();
		fixtures.member(this.organization, "owner");
		this.admin = fixtures.member(this.organization, "admin");
		this.adminToken = fixtures.token(this.admin);
		this.member = fixtures.member(this.organization, "member");
		User leaving = fixtures.member(this.organization, "member");
		api.patch(path("/members/" + this.member.id()), this.adminToken, "{\"role\":\"admin\"}").expectStatus().isOk();
		api.post(path("/api-tokens"), this.adminToken, "{\"name\":\"ci\",\"scope\":\"read:projects\"}")
			.expectStatus()
			.isCreated();
		api.delete(path("/members/" + leaving.id()), this.adminToken).expectStatus().isNoContent();
	}

	private String path(String rest) {
		return "/admin/api/organizations/" + this.organization + rest;
	}

	@Test
	void queryWhenAdminThenEveryChangeNewestFirstWithActorTargetAndAddress() {
		List<Map<String, Object>> records = items(api.get(path("/audit-log"), this.adminToken));
		assertThat(records).extracting((record) -> record.get("action"))
			.containsExactly("membership.removed", "api_token.created", "membership.role_changed");
		Map<String, Object> promotion = records.get(2);
		assertThat(promotion).containsEntry("actor", Map.of("kind", "user", "id", this.admin.id()))
			.containsEntry("target", Map.of("kind", "membership", "id", this.member.id()))
			.containsEntry("details", Map.of("from", "member", "to", "admin"))
			.containsKeys("id", "occurredAt");
		assertThat((String) promotion.get("ipAddress")).isIn("127.0.0.1", "::1");
	}

	@Test
	void queryWhenFilteredThenOnlyMatchingRecords() {
		assertThat(items(api.get(path("/audit-log?action=membership.removed"), this.adminToken))).hasSize(1);
		assertThat(items(api.get(path("/audit-log?target=membership&actor=" + this.admin.id()), this.adminToken)))
			.extracting((record) -> record.get("action"))
			.containsExactly("membership.removed", "membership.role_changed");
		assertThat(items(api.get(path("/audit-log?actor=usr_nobody"), this.adminToken))).isEmpty();
		assertThat(items(api.get(path("/audit-log?until=2000-01-01T00:00:00Z"), this.adminToken))).isEmpty();
		assertThat(items(api.get(path("/audit-log?since=2000-01-01T00:00:00Z"), this.adminToken))).hasSize(3);
	}

	@Test
	void queryWhenPagedThenEachRecordOnceAndTheLastPageEnds() {
		List<Object> actions = new ArrayList<>();
		String after = null;
		int pages = 0;
		do {
			Map<String, Object> page = body(
					api.get(path("/audit-log?limit=1" + ((after != null) ? "&after=" + after : "")), this.adminToken));
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
			items.forEach((record) -> actions.add(record.get("action")));
			after = (String) page.get("next");
			pages++;
		}
		while (after != null);
		assertThat(actions).containsExactly("membership.removed", "api_token.created", "membership.role_changed");
		assertThat(pages).isEqualTo(4);
	}

	@Test
	void queryWhenParametersBrokenThenValidationNamingEach() {
		Map<String, Object> problem = Problems.expect(
				api.get(path("/audit-log?limit=1000&since=yesterday&after=nope"), this.adminToken), 400, "validation");
		assertThat(problem.get("errors"))
			.isEqualTo(List.of(Map.of("parameter", "since", "detail", "must be a time such as 2026-01-01T00:00:00Z"),
					Map.of("parameter", "limit", "detail", "must be a whole number from 1 to 100"),
					Map.of("parameter", "after", "detail", "must be the next value of an earlier page")));
		Problems.expect(
				api.get(path("/audit-log?since=2030-01-01T00:00:00Z&until=2020-01-01T00:00:00Z"), this.adminToken), 400,
				"validation");
	}

	@Test
	void queryWhenMemberRoleThenForbidden() {
		User plain = fixtures.member(this.organization, "member");
		Problems.forbidden(api.get(path("/audit-log"), fixtures.token(plain)));
	}

}
