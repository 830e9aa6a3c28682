package dev.writ.resourceserver.web;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.writ.resourceserver.test.RunningApi;
import dev.writ.resourceserver.test.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Organization permissions: the built-in role mapping, the optional {@code permissions}
 * claim, a property override for a custom role, the hierarchy and combined scope rules,
 * per method and per route, and their 403 responses.
 */
class OrganizationPermissionTests {

	private static TestIssuer issuer;

	private static RunningApi api;

	private static RunningApi overridden;

	@BeforeAll
	static void start() {
		issuer = TestIssuer.start();
		api = RunningApi.start(issuer, Map.of());
		overridden = RunningApi.start(issuer, Map.of("writ.resource-server.role-permissions.billing-viewer",
				"billing:manage,projects:read", "writ.resource-server.role-permissions.admin", "projects:read"));
	}

	@AfterAll
	static void stop() {
		overridden.close();
		api.close();
		issuer.close();
	}

	@Test
	void requirePermissionWhenAdminOrOwnerThenOkByMapping() {
		get(api, "/annotated/permission", (claims) -> claims.claim("role", "admin")).expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("permitted");
		get(api, "/annotated/permission", (claims) -> claims.claim("role", "owner")).expectStatus().isOk();
	}

	@Test
	void requirePermissionWhenMemberThenForbiddenNamingPermission() {
		get(api, "/annotated/permission", (claims) -> claims.claim("role", "member")).expectStatus()
			.isForbidden()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer error=\"insufficient_scope\", error_description=\"this "
							+ "request needs the organization permission projects:delete\"")
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
			.expectBody()
			.json("""
					{"error":"insufficient_scope",
					 "error_description":"this request needs the organization permission projects:delete"}""", true);
	}

	@Test
	void requirePermissionWhenPermissionsClaimGrantsItThenOk() {
		get(api, "/annotated/permission",
				(claims) -> claims.claim("role", "member").claim("permissions", List.of("projects:delete")))
			.expectStatus()
			.isOk();
	}

	@Test
	void requirePermissionWhenCustomRoleWithPermissionsClaimThenOkButNoOrgRole() {
		Consumer<JWTClaimsSet.Builder> releaser = (claims) -> claims.claim("role", "releaser")
			.claim("permissions", List.of("projects:read", "projects:delete"));
		get(api, "/annotated/permission", releaser).expectStatus().isOk();
		get(api, "/permissions", releaser).expectBody().json("""
				["projects:delete","projects:read"]""", true);
		// an organization's own role is no built-in one, whatever it may do
		get(api, "/annotated/admin", releaser).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.error_description")
			.isEqualTo("this request needs the organization role admin or higher");
		get(api, "/routes/admin", releaser).expectStatus().isForbidden();
	}

	@Test
	void requirePermissionWhenCustomRoleWithoutThePermissionThenForbidden() {
		get(api, "/annotated/permission",
				(claims) -> claims.claim("role", "releaser").claim("permissions", List.of("projects:read")))
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.error_description")
			.isEqualTo("this request needs the organization permission projects:delete");
	}

	@Test
	void requirePermissionWhenPermissionsClaimIsNotAListThenIgnored() {
		get(api, "/annotated/permission",
				(claims) -> claims.claim("role", "member").claim("permissions", "projects:delete"))
			.expectStatus()
			.isForbidden();
	}

	@Test
	void permissionsWhenClaimPresentThenUnionWithRoleMapping() {
		get(api, "/permissions",
				(claims) -> claims.claim("role", "member").claim("permissions", List.of("reports:export")))
			.expectStatus()
			.isOk()
			.expectBody()
			.json("""
					["deployments:read","deployments:write","projects:read","projects:write","reports:export"]""",
					true);
	}

	@Test
	void permissionsWhenCustomRoleUnmappedThenOnlyClaimed() {
		get(api, "/permissions",
				(claims) -> claims.claim("role", "billing-viewer").claim("permissions", List.of("billing:manage")))
			.expectStatus()
			.isOk()
			.expectBody()
			.json("""
					["billing:manage"]""", true);
	}

	@Test
	void requirePermissionWhenNoOrganizationThenForbiddenWhateverRoleOrClaim() {
		get(api, "/annotated/permission",
				(claims) -> claims.claim("org", null)
					.claim("role", "owner")
					.claim("permissions", List.of("projects:delete")))
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.error_description")
			.isEqualTo("this request needs the organization permission projects:delete");
	}

	@Test
	void requireOrgRoleWhenNoOrganizationThenForbidden() {
		get(api, "/annotated/admin", (claims) -> claims.claim("org", null).claim("role", "owner")).expectStatus()
			.isForbidden();
	}

	@Test
	void requireOrgRoleWithScopeWhenOwnerAndScopeThenOkByHierarchy() {
		get(api, "/annotated/admin-writer", (claims) -> claims.claim("role", "owner").claim("scope", "write:projects"))
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("admin-writer");
	}

	@Test
	void requireOrgRoleWithScopeWhenScopeMissingThenInsufficientScopeNamingScope() {
		get(api, "/annotated/admin-writer", (claims) -> claims.claim("role", "owner").claim("scope", "read:projects"))
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer error=\"insufficient_scope\", error_description=\"this request needs the scope "
							+ "write:projects\", scope=\"write:projects\"");
	}

	@Test
	void requireOrgRoleWithScopeWhenMemberWithScopeThenForbiddenNamingRole() {
		get(api, "/annotated/admin-writer", (claims) -> claims.claim("role", "member").claim("scope", "write:projects"))
			.expectStatus()
			.isForbidden()
			.expectBody()
			.json("""
					{"error":"insufficient_scope",
					 "error_description":"this request needs the organization role admin or higher"}""", true);
	}

	@Test
	void requirePermissionWithScopeWhenBothThenOkElseScopeNamedFirst() {
		get(api, "/annotated/permission-writer",
				(claims) -> claims.claim("role", "admin").claim("scope", "write:projects"))
			.expectStatus()
			.isOk();
		get(api, "/annotated/permission-writer", (claims) -> claims.claim("role", "member").claim("scope", ""))
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.scope")
			.isEqualTo("write:projects");
	}

	@Test
	void routePermissionWhenOwnerThenOkAndAdminForbiddenNamingIt() {
		get(api, "/routes/billing", (claims) -> claims.claim("role", "owner")).expectStatus().isOk();
		get(api, "/routes/billing", (claims) -> claims.claim("role", "admin")).expectStatus()
			.isForbidden()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\", error_description=\"this "
					+ "request needs the organization permission billing:manage\"");
	}

	@Test
	void routeScopeAndPermissionWhenScopeMissingThenScopeNamedElsePermission() {
		request(api, HttpMethod.DELETE, "/routes/projects", (claims) -> claims.claim("role", "admin")).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.scope")
			.isEqualTo("write:projects");
		request(api, HttpMethod.DELETE, "/routes/projects",
				(claims) -> claims.claim("role", "member").claim("scope", "write:projects"))
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.error_description")
			.isEqualTo("this request needs the organization permission projects:delete");
		request(api, HttpMethod.DELETE, "/routes/projects",
				(claims) -> claims.claim("role", "admin").claim("scope", "write:projects"))
			.expectStatus()
			.isOk();
	}

	@Test
	void rolePermissionsPropertyWhenCustomRoleMappedThenItsPermissions() {
		get(overridden, "/routes/billing", (claims) -> claims.claim("role", "billing-viewer")).expectStatus().isOk();
		get(overridden, "/permissions", (claims) -> claims.claim("role", "billing-viewer")).expectBody().json("""
				["billing:manage","projects:read"]""", true);
	}

	@Test
	void rolePermissionsPropertyWhenBuiltInRoleNamedThenReplacedButRoleHierarchyKept() {
		get(overridden, "/annotated/permission", (claims) -> claims.claim("role", "admin")).expectStatus()
			.isForbidden();
		get(overridden, "/annotated/admin", (claims) -> claims.claim("role", "admin")).expectStatus().isOk();
		get(overridden, "/annotated/permission", (claims) -> claims.claim("role", "owner")).expectStatus().isOk();
	}

	private static WebTestClient.ResponseSpec get(RunningApi target, String path,
			Consumer<JWTClaimsSet.Builder> claims) {
		return request(target, HttpMethod.GET, path, claims);
	}

	private static WebTestClient.ResponseSpec request(RunningApi target, HttpMethod method, String path,
			Consumer<JWTClaimsSet.Builder> claims) {
		String token = issuer.mint(JWSAlgorithm.RS256, claims);
		return target.client().method(method).uri(path).headers((headers) -> headers.setBearerAuth(token)).exchange();
	}

}
