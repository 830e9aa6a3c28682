package dev.writ.server.admin.organization;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.writ.server.account.User;
import dev.writ.server.apitoken.ApiTokens;
import dev.writ.server.audit.AuditFilter;
import dev.writ.server.audit.AuditLogQuery;
import dev.writ.server.audit.AuditRecord;
import dev.writ.server.test.AccessTokens;
import dev.writ.server.test.AdminApiClient;
import dev.writ.server.test.AdminApiServer;
import dev.writ.server.test.AdminFixtures;
import dev.writ.server.test.Problems;
import dev.writ.server.test.TestAuthServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static dev.writ.server.admin.organization.OrganizationScenarios.body;
import static dev.writ.server.admin.organization.OrganizationScenarios.items;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /admin/api/organizations}: who may list, create, read, change and delete
 * organizations, and every refusal.
 */
class OrganizationsApiTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final String PATH = "/admin/api/organizations";

	private static TestAuthServer server;

	private static AdminApiClient api;

	private static AdminFixtures fixtures;

	private static String platform;

	@BeforeAll
	static void start() {
		server = AdminApiServer.get();
		api = new AdminApiClient(server);
		fixtures = new AdminFixtures(server);
		platform = AccessTokens.forPlatform(server, "admin:organizations");
	}

	private static String slug() {
		return "t-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static List<AuditRecord> audit(String organizationId, String action) {
		return server.bean(AuditLogQuery.class)
			.find(organizationId, AuditFilter.NEWEST.withAction(action))
			.collectList()
			.block(TIMEOUT);
	}

	@Test
	void listWhenNoTokenThenUnauthorizedProblemWithBearerChallenge() {
		Map<String, Object> problem = Problems.expect(
				api.get(PATH, null).expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer"), 401,
				"unauthorized");
		assertThat(problem).containsEntry("instance", PATH).containsEntry("title", "Unauthorized");
	}

	@Test
	void listWhenTokenNotValidThenUnauthorizedInvalidToken() {
		Problems.expect(api.get(PATH, "not-a-token")
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""), 401, "unauthorized");
	}

	@Test
	void listWhenMachineClientWithoutPlatformScopeThenInsufficientScope() {
		String m2m = AccessTokens.forPlatform(server, "admin:users");
		Problems.expect(api.get(PATH, m2m)
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer error=\"insufficient_scope\", scope=\"admin:organizations\""),
				403, "forbidden");
	}

	@Test
	void listWhenUserWithoutOrganizationThenEmpty() {
		assertThat(items(api.get(PATH, fixtures.token(fixtures.user())))).isEmpty();
	}

	@Test
	void listWhenPlatformThenEveryOrganizationInPagesByIdWithoutOverlap() {
		String first = fixtures.organization();
		String second = fixtures.organization();
		List<String> ids = new ArrayList<>();
		String after = null;
		do {
			Map<String, Object> page = body(
					api.get(PATH + "?limit=3" + ((after != null) ? "&after=" + after : ""), platform));
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
			assertThat(items).hasSizeLessThanOrEqualTo(3);
			items.forEach((item) -> ids.add((String) item.get("id")));
			after = (String) page.get("next");
		}
		while (after != null);
		assertThat(ids).doesNotHaveDuplicates().isSorted().contains("org_acme", "org_globex", first, second);
	}

	@Test
	void listWhenLimitOutOfRangeThenValidationProblemNamingTheParameter() {
		Map<String, Object> problem = Problems.expect(api.get(PATH + "?limit=0&limit=2", platform), 400, "validation");
		assertThat(problem.get("errors"))
			.isEqualTo(List.of(Map.of("parameter", "limit", "detail", "must be given once")));
		problem = Problems.expect(api.get(PATH + "?limit=101", platform), 400, "validation");
		assertThat(problem.get("errors"))
			.isEqualTo(List.of(Map.of("parameter", "limit", "detail", "must be a whole number from 1 to 100")));
	}

	@Test
	void createWhenPlatformThenTheNamedUserOwnsItAndItIsAudited() {
		User owner = fixtures.user();
		String slug = slug();
		Map<String, Object> created = body(api.post(PATH, platform, """
				{"slug":"%s","name":"Platform Made","owner":"%s"}""".formatted(slug, owner.id())), 201);
		String id = (String) created.get("id");
		assertThat(created).containsEntry("slug", slug)
			.containsEntry("name", "Platform Made")
			.containsEntry("apiTokenMaxLifetime", "PT2160H");
		String ownerToken = fixtures.token(owner, "manage:organization", id);
		assertThat(items(api.get(PATH + "/" + id + "/members", ownerToken))).singleElement()
			.satisfies(
					(member) -> assertThat(member).containsEntry("userId", owner.id()).containsEntry("role", "owner"));
		AuditRecord record = audit(id, "organization.created").get(0);
		assertThat(record.actor().id()).isEqualTo(AccessTokens.ADMIN);
		assertThat(record.actor().kind()).isEqualTo("client");
		assertThat(record.details()).containsEntry("owner", owner.id()).containsEntry("slug", slug);
		assertThat(record.ipAddress()).isNotNull();
		assertThat(audit(id, "membership.added")).singleElement()
			.satisfies((added) -> assertThat(added.target().id()).isEqualTo(owner.id()));
	}

	@Test
	void createWhenPlatformNamesNoOwnerOrAnUnknownOneThenValidation() {
		Problems.invalid(api.post(PATH, platform, """
				{"slug":"%s","name":"No Owner"}""".formatted(slug())), "#/owner", "is required");
		Problems.invalid(api.post(PATH, platform, """
				{"slug":"%s","name":"No Owner","owner":"usr_nobody"}""".formatted(slug())), "#/owner", "no such user");
	}

	@Test
	void createWhenUserNamesAnotherOwnerThenForbidden() {
		String token = fixtures.token(fixtures.user());
		Problems.forbidden(api.post(PATH, token, """
				{"slug":"%s","name":"For Alice","owner":"usr_alice"}""".formatted(slug())));
	}

	@Test
	void createWhenUserWithoutManageScopeThenInsufficientScope() {
		String token = fixtures.token(fixtures.user(), "openid", null);
		Problems.expect(api.post(PATH, token, "{}")
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer error=\"insufficient_scope\", scope=\"manage:organization\""),
				403, "forbidden");
	}

	@Test
	void createWhenSlugTakenThenConflict() {
		Problems.expect(api.post(PATH, platform, """
				{"slug":"acme","name":"Second Acme","owner":"usr_alice"}"""), 409, "conflict");
	}

	@Test
	void createWhenMembersBrokenThenValidationNamingEach() {
		Map<String, Object> problem = Problems.expect(api.post(PATH, platform, """
				{"slug":"Not A Slug","name":"","color":"red","owner":"usr_alice"}"""), 400, "validation");
		assertThat(problem.get("errors"))
			.isEqualTo(List.of(Map.of("pointer", "#/color", "detail", "is not a member of this request"),
					Map.of("pointer", "#/slug", "detail", "must be lower-case letters, digits and inner hyphens"),
					Map.of("pointer", "#/name", "detail", "must not be blank")));
		assertThat(problem).containsEntry("title", "The request is not valid")
			.containsEntry("detail", "3 values are not valid");
	}

	@Test
	void createWhenBodyIsNotJsonThenMalformedRequestNotServerError() {
		Problems.expect(api.post(PATH, platform, "{\"slug\": oops"), 400, "malformed-request");
		Problems.expect(api.post(PATH, platform, "[\"a\"]"), 400, "malformed-request");
		Problems.expect(api.post(PATH, platform, ""), 400, "malformed-request");
	}

	@Test
	void createWhenNotJsonContentTypeThenUnsupportedMediaType() {
		Problems.expect(api.raw()
			.post()
			.uri(PATH)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + platform)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("slug=x&name=y")
			.exchange(), 415, "unsupported-media-type");
	}

	@Test
	void getWhenMemberRoleThenTheOrganization() {
		String organization = fixtures.organization();
		User member = fixtures.member(organization, "member");
		assertThat(body(api.get(PATH + "/" + organization, fixtures.token(member)))).containsEntry("id", organization);
	}

	@Test
	void getWhenPlatformAndNoSuchOrganizationThenNotFound() {
		Problems.expect(api.get(PATH + "/org_none", platform), 404, "not-found");
	}

	@Test
	void updateWhenMemberRoleThenForbidden() {
		String organization = fixtures.organization();
		User member = fixtures.member(organization, "member");
		Map<String, Object> problem = Problems
			.forbidden(api.patch(PATH + "/" + organization, fixtures.token(member), """
					{"name":"Mine now"}"""));
		assertThat((String) problem.get("detail")).contains("organization:update");
	}

	@Test
	void updateWhenLifetimeSetThenNewTokensCappedAndNullRestoresTheDefault() {
		String organization = fixtures.organization();
		User admin = fixtures.member(organization, "admin");
		String token = fixtures.token(admin);
		assertThat(body(api.patch(PATH + "/" + organization, token, """
				{"apiTokenMaxLifetime":"P7D"}"""))).containsEntry("apiTokenMaxLifetime", "PT168H")
			.containsEntry("name", body(api.get(PATH + "/" + organization, token)).get("name"));
		Map<String, Object> created = body(api.post(PATH + "/" + organization + "/api-tokens", token, """
				{"name":"capped","scope":"read:projects","lifetime":"P30D"}"""), 201);
		assertThat(Duration.between(Instant.parse((String) created.get("createdAt")),
				Instant.parse((String) created.get("expiresAt"))))
			.isEqualTo(Duration.ofDays(7));
		assertThat(body(api.patch(PATH + "/" + organization, token, """
				{"apiTokenMaxLifetime":null}"""))).containsEntry("apiTokenMaxLifetime", "PT2160H");
		AuditRecord record = audit(organization, "organization.updated").get(0);
		assertThat(record.details()).containsEntry("changed", List.of("api_token_max_lifetime"))
			.containsEntry("api_token_max_lifetime", "default");
	}

	@Test
	void updateWhenValuesBrokenThenValidationNamingEach() {
		Map<String, Object> problem = Problems.expect(api.patch(PATH + "/org_acme", platform, """
				{"name":null,"apiTokenMaxLifetime":"P4000D"}"""), 400, "validation");
		assertThat(problem.get("errors")).isEqualTo(List.of(Map.of("pointer", "#/name", "detail", "must not be null"),
				Map.of("pointer", "#/apiTokenMaxLifetime", "detail", "must be at most PT87600H")));
	}

	@Test
	void deleteWhenOwnerThenGoneItsTokensDeadAndTheRecordKept() {
		String organization = fixtures.organization();
		User owner = fixtures.member(organization, "owner");
		User member = fixtures.member(organization, "member");
		String ownerToken = fixtures.token(owner);
		String memberToken = fixtures.token(member);
		String secret = (String) body(api.post(PATH + "/" + organization + "/api-tokens", memberToken, """
				{"name":"doomed","scope":"read:projects"}"""), 201).get("secret");
		assertThat(server.bean(ApiTokens.class).introspect(secret).blockOptional(TIMEOUT)).isPresent();

		api.delete(PATH + "/" + organization, ownerToken).expectStatus().isNoContent();

		Problems.expect(api.get(PATH + "/" + organization, memberToken), 401, "unauthorized");
		assertThat(server.bean(ApiTokens.class).introspect(secret).blockOptional(TIMEOUT)).isEmpty();
		Problems.expect(api.get(PATH + "/" + organization, platform), 404, "not-found");
		assertThat(audit(organization, "organization.deleted")).singleElement()
			.satisfies((record) -> assertThat(record.actor().id()).isEqualTo(owner.id()));
	}

	@Test
	void deleteWhenAdminThenForbidden() {
		String organization = fixtures.organization();
		User admin = fixtures.member(organization, "admin");
		Problems.forbidden(api.delete(PATH + "/" + organization, fixtures.token(admin)));
		assertThat(body(api.get(PATH + "/" + organization, platform))).containsEntry("id", organization);
	}

	@Test
	void deleteWhenPlatformAndNoSuchOrganizationThenNotFound() {
		Problems.expect(api.delete(PATH + "/org_none", platform), 404, "not-found");
	}

}
