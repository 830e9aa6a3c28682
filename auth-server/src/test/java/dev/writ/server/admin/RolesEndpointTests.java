package dev.writ.server.admin;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.writ.server.account.User;
import dev.writ.server.audit.AuditFilter;
import dev.writ.server.audit.AuditLogQuery;
import dev.writ.server.audit.AuditRecord;
import dev.writ.server.event.Actor;
import dev.writ.server.event.Target;
import dev.writ.server.org.Grantor;
import dev.writ.server.org.OrganizationRoles;
import dev.writ.server.test.AccessTokens;
import dev.writ.server.test.AdminApiClient;
import dev.writ.server.test.AdminApiServer;
import dev.writ.server.test.AdminFixtures;
import dev.writ.server.test.TestAuthServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.writ.server.test.TokenRequests.basic;
import static dev.writ.server.test.TokenRequests.form;
import static dev.writ.server.test.TokenRequests.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roles endpoints of the admin API over HTTP, with tokens from the code flow: who may
 * read and change an organization's roles, every refusal as its problem, and the audit
 * record of each change.
 */
class RolesEndpointTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final Grantor OPERATOR = Grantor.platform(Actor.client("operator-cli"));

	private static TestAuthServer server;

	private static AdminFixtures fixtures;

	private static AdminApiClient api;

	private static OrganizationRoles roles;

	private static String organization;

	private static String rolesPath;

	private static User owner;

	private static String ownerToken;

	private static User admin;

	private static String adminToken;

	private static String memberToken;

	@BeforeAll
	static void start() {
		server = AdminApiServer.get();
		fixtures = new AdminFixtures(server);
		api = new AdminApiClient(server);
		roles = server.bean(OrganizationRoles.class);
		organization = fixtures.organization();
		rolesPath = "/admin/api/organizations/" + organization + "/roles";
		owner = fixtures.member(organization, "owner");
		ownerToken = fixtures.token(owner);
		admin = fixtures.member(organization, "admin");
		adminToken = fixtures.token(admin);
		memberToken = fixtures.token(fixtures.member(organization, "member"));
	}

	/** A role name no other test uses. */
	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static void define(String name, String... permissions) {
		roles.define(organization, name, null, List.of(permissions), OPERATOR).block(TIMEOUT);
	}

	private static WebTestClient.BodyContentSpec problem(WebTestClient.ResponseSpec response, int status, String slug) {
		return response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://writ.dev/problems/" + slug)
			.jsonPath("$.status")
			.isEqualTo(status);
	}

	private static List<AuditRecord> audit(String action, String name) {
		return server.bean(AuditLogQuery.class)
			.find(organization, AuditFilter.NEWEST.withAction(action))
			.filter((record) -> record.target().id().equals(name))
			.collectList()
			.block(TIMEOUT);
	}

	@Test
	void listWhenAnyMemberThenBuiltInsHighestFirstThenOwnRolesByName() {
		String other = fixtures.organization();
		String token = fixtures.token(fixtures.member(other, "member"));
		roles.define(other, "support", "Helps customers", List.of("projects:read"), OPERATOR).block(TIMEOUT);
		roles.define(other, "auditor", null, List.of("audit:read"), OPERATOR).block(TIMEOUT);
		api.get("/admin/api/organizations/" + other + "/roles", token)
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.roles[*].name")
			.isEqualTo(List.of("owner", "admin", "member", "auditor", "support"))
			.jsonPath("$.roles[*].builtIn")
			.isEqualTo(List.of(true, true, true, false, false))
			.jsonPath("$.roles[2].permissions")
			.isEqualTo(List.of("projects:read", "projects:write", "deployments:read", "deployments:write"))
			.jsonPath("$.roles[2].createdAt")
			.doesNotExist()
			.jsonPath("$.roles[4].description")
			.isEqualTo("Helps customers")
			.jsonPath("$.roles[4].permissions")
			.isEqualTo(List.of("projects:read"))
			.jsonPath("$.roles[4].createdAt")
			.isNotEmpty();
	}

	@Test
	void listWhenNoTokenThenUnauthorizedWithBareChallenge() {
		problem(api.get(rolesPath, null), 401, "unauthorized");
		api.get(rolesPath, null).expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
	}

	@Test
	void listWhenTokenLacksManageOrganizationThenInsufficientScope() {
		String token = fixtures.token(owner, "openid", organization);
		problem(api.get(rolesPath, token), 403, "forbidden");
		api.get(rolesPath, token)
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer error=\"insufficient_scope\", scope=\"manage:organization\"");
	}

	@Test
	void listWhenAnotherOrganizationThenForbidden() {
		problem(api.get("/admin/api/organizations/org_acme/roles", ownerToken), 403, "forbidden");
	}

	@Test
	void listWhenPlatformOperatorThenAnyOrganizationAndUnknownOneNotFound() {
		String token = AccessTokens.forPlatform(server, "admin:organizations");
		api.get(rolesPath, token).expectStatus().isOk().expectBody().jsonPath("$.roles[0].name").isEqualTo("owner");
		problem(api.get("/admin/api/organizations/org_nowhere/roles", token), 404, "not-found");
	}

	@Test
	void getWhenBuiltInOrOwnThenTheRole() {
		String name = unique("reader");
		define(name, "projects:read");
		api.get(rolesPath + "/" + name, memberToken)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo(name)
			.jsonPath("$.description")
			.isEqualTo("")
			.jsonPath("$.permissions")
			.isEqualTo(List.of("projects:read"))
			.jsonPath("$.builtIn")
			.isEqualTo(false);
		api.get(rolesPath + "/owner", memberToken)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.builtIn")
			.isEqualTo(true)
			.jsonPath("$.permissions.length()")
			.isEqualTo(14);
	}

	@Test
	void getWhenUnknownThenNotFoundProblem() {
		api.get(rolesPath + "/nobody", memberToken)
			.expectStatus()
			.isNotFound()
			.expectBody()
			.json("""
					{"type":"https://writ.dev/problems/not-found","title":"Not Found","status":404,
					 "detail":"the organization has no role 'nobody'","instance":"%s/nobody"}""".formatted(rolesPath),
					true);
		problem(api.get(rolesPath + "/NotAName", memberToken), 404, "not-found");
	}

	@Test
	void getWhenNoTokenThenUnauthorized() {
		problem(api.get(rolesPath + "/owner", null), 401, "unauthorized");
	}

	@Test
	void createWhenAdminThenCreatedWithLocationAndAudited() {
		String name = unique("release");
		api.post(rolesPath, adminToken,
				"""
						{"name":"%s","description":"Ships releases","permissions":["deployments:write","projects:read"]}"""
					.formatted(name))
			.expectStatus()
			.isCreated()
			.expectHeader()
			.location(rolesPath + "/" + name)
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo(name)
			.jsonPath("$.permissions")
			.isEqualTo(List.of("projects:read", "deployments:write"))
			.jsonPath("$.builtIn")
			.isEqualTo(false)
			.jsonPath("$.createdAt")
			.isNotEmpty();
		assertThat(roles.permissions(organization, name).block(TIMEOUT)).containsExactly("projects:read",
				"deployments:write");
		List<AuditRecord> records = audit("role.created", name);
		assertThat(records).hasSize(1);
		assertThat(records.get(0).actor()).isEqualTo(Actor.user(admin.id()));
		assertThat(records.get(0).target()).isEqualTo(new Target(Target.ROLE, name));
		assertThat(records.get(0).ipAddress()).isNotBlank();
		assertThat(records.get(0).details()).containsEntry("description", "Ships releases");
	}

	@Test
	void createWhenOwnerThenOwnersPermissionsGrantable() {
		String name = unique("treasurer");
		api.post(rolesPath, ownerToken, """
				{"name":"%s","permissions":["billing:manage"]}""".formatted(name)).expectStatus().isCreated();
	}

	@Test
	void createWhenPlatformOperatorThenCreatedAndAuditedAsTheClient() {
		String name = unique("platform");
		api.post(rolesPath, AccessTokens.forPlatform(server, "admin:organizations"), """
				{"name":"%s","permissions":["organization:delete"]}""".formatted(name)).expectStatus().isCreated();
		assertThat(audit("role.created", name).get(0).actor()).isEqualTo(Actor.client(AccessTokens.ADMIN));
	}

	@Test
	void createWhenMemberThenForbiddenNamingThePermission() {
		problem(api.post(rolesPath, memberToken, """
				{"name":"sneaky","permissions":["projects:read"]}"""), 403, "forbidden").jsonPath("$.detail")
			.isEqualTo("this needs the permission 'roles:manage'");
		assertThat(roles.find(organization, "sneaky").block(TIMEOUT)).isNull();
	}

	@Test
	void createWhenPermissionBeyondTheCallerThenForbiddenAndNothingDefined() {
		String name = unique("escalate");
		problem(api.post(rolesPath, adminToken, """
				{"name":"%s","permissions":["projects:read","billing:manage"]}""".formatted(name)), 403, "forbidden")
			.jsonPath("$.detail")
			.isEqualTo("the role has permissions its author does not hold: billing:manage");
		assertThat(roles.find(organization, name).block(TIMEOUT)).isNull();
	}

	@Test
	void createWhenCustomRoleWithRolesManageThenOnlyWithinItsOwnPermissions() {
		String manager = unique("role-admin");
		define(manager, "roles:manage", "projects:read");
		User holder = fixtures.member(organization, manager);
		String token = fixtures.token(holder);
		String within = unique("reader");
		api.post(rolesPath, token, """
				{"name":"%s","permissions":["projects:read"]}""".formatted(within)).expectStatus().isCreated();
		problem(api.post(rolesPath, token, """
				{"name":"%s","permissions":["projects:write"]}""".formatted(unique("writer"))), 403, "forbidden");
	}

	@Test
	void createWhenFieldsBreakTheRulesThenEveryViolationWithItsPointer() {
		problem(api.post(rolesPath, adminToken,
				"""
						{"name":"Release Manager","description":"%s","permissions":["projects:read","projects:fly"]}"""
					.formatted("x".repeat(501))),
				400, "validation")
			.jsonPath("$.errors")
			.isEqualTo(List.of(
					Map.of("pointer", "#/name", "detail",
							"must be a lower-case letter followed by 1 to 39 lower-case letters, digits, '_' or '-'"),
					Map.of("pointer", "#/description", "detail", "must be at most 500 characters"),
					Map.of("pointer", "#/permissions", "detail", "unknown permission(s): projects:fly")));
	}

	@Test
	void createWhenBodyHasTheWrongShapeThenValidationNamingEachMember() {
		problem(api.post(rolesPath, adminToken, """
				{"permissions":"projects:read","role":"x"}"""), 400, "validation").jsonPath("$.errors[*].pointer")
			.isEqualTo(List.of("#/role", "#/name", "#/permissions"))
			.jsonPath("$.errors[2].detail")
			.isEqualTo("must be an array of strings");
		problem(api.post(rolesPath, adminToken, """
				{"name":"support","permissions":["projects:read", 7]}"""), 400, "validation")
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("#/permissions/1")
			.jsonPath("$.errors[0].detail")
			.isEqualTo("must be a string");
	}

	@Test
	void createWhenNotJsonThenMalformedRequestAndOtherMediaTypeUnsupported() {
		problem(api.post(rolesPath, adminToken, "{\"name\":"), 400, "malformed-request");
		problem(api.post(rolesPath, adminToken, "[]"), 400, "malformed-request");
		problem(api.raw()
			.post()
			.uri(rolesPath)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken)
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("name=support")
			.exchange(), 415, "unsupported-media-type");
	}

	@Test
	void createWhenNameTakenOrBuiltInThenConflict() {
		String name = unique("taken");
		define(name, "projects:read");
		problem(api.post(rolesPath, adminToken, """
				{"name":"%s","permissions":[]}""".formatted(name)), 409, "conflict").jsonPath("$.detail")
			.isEqualTo("the organization already has a role '" + name + "'");
		problem(api.post(rolesPath, adminToken, """
				{"name":"admin","permissions":[]}"""), 409, "conflict").jsonPath("$.detail")
			.isEqualTo("'admin' is a built-in role");
	}

	@Test
	void createWhenNoTokenThenUnauthorized() {
		problem(api.post(rolesPath, null, "{}"), 401, "unauthorized");
	}

	@Test
	void updateWhenAdminThenReplacedAndAuditedWithWhatChanged() {
		String name = unique("support");
		define(name, "projects:read", "audit:read");
		api.put(rolesPath + "/" + name, adminToken, """
				{"description":"Helps customers","permissions":["projects:read","projects:write"]}""")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.description")
			.isEqualTo("Helps customers")
			.jsonPath("$.permissions")
			.isEqualTo(List.of("projects:read", "projects:write"));
		AuditRecord record = audit("role.updated", name).get(0);
		assertThat(record.actor()).isEqualTo(Actor.user(admin.id()));
		assertThat(record.details()).containsEntry("added", List.of("projects:write"))
			.containsEntry("removed", List.of("audit:read"));
	}

	@Test
	void updateWhenNarrowedThenTheHoldersTokenStopsWorking() {
		String name = unique("support");
		define(name, "projects:read", "audit:read");
		User holder = fixtures.member(organization, name);
		String token = fixtures.token(holder);
		assertThat(active(token)).isTrue();
		api.put(rolesPath + "/" + name, adminToken, """
				{"permissions":["projects:read"]}""").expectStatus().isOk();
		assertThat(active(token)).isFalse();
		problem(api.get(rolesPath, token), 401, "unauthorized");
	}

	@SuppressWarnings("unchecked")
	private static boolean active(String token) {
		Map<String, Object> body = post(server.client(), "/oauth2/introspect",
				basic(AccessTokens.WEB, AccessTokens.WEB_SECRET), form("token", token))
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return Boolean.TRUE.equals(body.get("active"));
	}

	@Test
	void updateWhenBuiltInThenConflict() {
		problem(api.put(rolesPath + "/member", adminToken, """
				{"permissions":["projects:read"]}"""), 409, "conflict");
	}

	@Test
	void updateWhenUnknownThenNotFound() {
		problem(api.put(rolesPath + "/nobody", adminToken, """
				{"permissions":["projects:read"]}"""), 404, "not-found");
	}

	@Test
	void updateWhenRoleHasPermissionTheCallerLacksThenForbidden() {
		String name = unique("treasurer");
		define(name, "projects:read", "billing:manage");
		problem(api.put(rolesPath + "/" + name, adminToken, """
				{"permissions":["projects:read"]}"""), 403, "forbidden");
		problem(api.put(rolesPath + "/" + name, adminToken, """
				{"permissions":["projects:read","organization:delete"]}"""), 403, "forbidden");
		assertThat(roles.permissions(organization, name).block(TIMEOUT)).containsExactly("projects:read",
				"billing:manage");
	}

	@Test
	void updateWhenMemberThenForbidden() {
		String name = unique("support");
		define(name, "projects:read");
		problem(api.put(rolesPath + "/" + name, memberToken, """
				{"permissions":[]}"""), 403, "forbidden");
	}

	@Test
	void updateWhenInvalidThenValidationAndRoleUnchanged() {
		String name = unique("support");
		define(name, "projects:read");
		problem(api.put(rolesPath + "/" + name, adminToken, """
				{"name":"renamed","permissions":["projects:fly"]}"""), 400, "validation")
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("#/name");
		problem(api.put(rolesPath + "/" + name, adminToken, """
				{"permissions":["projects:fly"]}"""), 400, "validation").jsonPath("$.errors[0].pointer")
			.isEqualTo("#/permissions");
		problem(api.put(rolesPath + "/" + name, adminToken, "{}"), 400, "validation").jsonPath("$.errors[0].detail")
			.isEqualTo("is required");
		assertThat(roles.permissions(organization, name).block(TIMEOUT)).containsExactly("projects:read");
	}

	@Test
	void updateWhenNoTokenThenUnauthorized() {
		problem(api.put(rolesPath + "/member", null, "{}"), 401, "unauthorized");
	}

	@Test
	void deleteWhenUnusedThenNoContentGoneAndAudited() {
		String name = unique("old");
		define(name, "projects:read");
		api.delete(rolesPath + "/" + name, adminToken).expectStatus().isNoContent().expectBody().isEmpty();
		assertThat(roles.find(organization, name).block(TIMEOUT)).isNull();
		assertThat(audit("role.deleted", name)).singleElement()
			.satisfies((record) -> assertThat(record.actor()).isEqualTo(Actor.user(admin.id())));
		problem(api.get(rolesPath + "/" + name, adminToken), 404, "not-found");
	}

	@Test
	void deleteWhenHeldByAMemberThenConflict() {
		String name = unique("held");
		define(name, "projects:read");
		fixtures.member(organization, name);
		problem(api.delete(rolesPath + "/" + name, adminToken), 409, "conflict").jsonPath("$.detail")
			.isEqualTo("the role '" + name + "' is held by 1 member(s) and granted by 0 pending invitation(s)");
	}

	@Test
	void deleteWhenBuiltInThenConflict() {
		problem(api.delete(rolesPath + "/owner", ownerToken), 409, "conflict");
	}

	@Test
	void deleteWhenUnknownThenNotFound() {
		problem(api.delete(rolesPath + "/nobody", adminToken), 404, "not-found");
	}

	@Test
	void deleteWhenRoleHasPermissionTheCallerLacksThenForbidden() {
		String name = unique("treasurer");
		define(name, "billing:manage");
		problem(api.delete(rolesPath + "/" + name, adminToken), 403, "forbidden");
		api.delete(rolesPath + "/" + name, ownerToken).expectStatus().isNoContent();
	}

	@Test
	void deleteWhenMemberThenForbidden() {
		String name = unique("support");
		define(name, "projects:read");
		problem(api.delete(rolesPath + "/" + name, memberToken), 403, "forbidden");
		assertThat(roles.find(organization, name).block(TIMEOUT)).isNotNull();
	}

	@Test
	void deleteWhenNoTokenThenUnauthorized() {
		problem(api.delete(rolesPath + "/owner", null), 401, "unauthorized");
	}

	@Test
	void rolesWhenOtherMethodThenMethodNotAllowedWithAllow() {
		api.raw()
			.patch()
			.uri(rolesPath + "/member")
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.value(HttpHeaders.ALLOW,
					(allow) -> assertThat(allow.split(",\\s*")).containsExactlyInAnyOrder("GET", "PUT", "DELETE"))
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		api.raw()
			.delete()
			.uri(rolesPath)
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.value(HttpHeaders.ALLOW,
					(allow) -> assertThat(allow.split(",\\s*")).containsExactlyInAnyOrder("GET", "POST"));
	}

}
