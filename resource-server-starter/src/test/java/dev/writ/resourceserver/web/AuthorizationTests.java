package dev.writ.resourceserver.web;

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
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Scopes and organization roles per route and per method, the typed principal, and the
 * 403 responses.
 */
class AuthorizationTests {

	private static TestIssuer issuer;

	private static RunningApi api;

	@BeforeAll
	static void start() {
		issuer = TestIssuer.start();
		api = RunningApi.start(issuer, Map.of());
	}

	@AfterAll
	static void stop() {
		api.close();
		issuer.close();
	}

	@Test
	void routeRuleWhenScopeMissingThenInsufficientScopeNamingIt() {
		get("/routes/deployments", (claims) -> claims.claim("scope", "read:projects")).expectStatus()
			.isForbidden()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer error=\"insufficient_scope\", error_description=\"this request needs the scope "
							+ "read:deployments\", scope=\"read:deployments\"")
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
			.expectBody()
			.json("""
					{"error":"insufficient_scope","error_description":"this request needs the scope read:deployments",
					 "scope":"read:deployments"}""", true);
	}

	@Test
	void routeRuleWhenScopePresentThenOk() {
		get("/routes/deployments", (claims) -> claims.claim("scope", "read:projects read:deployments")).expectStatus()
			.isOk();
	}

	@Test
	void requireScopeWhenScopeMissingThenInsufficientScopeNamingIt() {
		get("/annotated/scope", (claims) -> claims.claim("scope", "read:projects")).expectStatus()
			.isForbidden()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer error=\"insufficient_scope\", error_description=\"this request needs the scope "
							+ "write:projects\", scope=\"write:projects\"")
			.expectBody()
			.jsonPath("$.scope")
			.isEqualTo("write:projects");
	}

	@Test
	void requireScopeWhenScopePresentThenOk() {
		get("/annotated/scope", (claims) -> claims.claim("scope", "write:projects")).expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("scoped");
	}

	@Test
	void requireOrgRoleWhenMemberThenInsufficientScope() {
		get("/annotated/admin", (claims) -> claims.claim("role", "member")).expectStatus()
			.isForbidden()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\", error_description=\"this "
					+ "request needs the organization role admin or higher\"");
	}

	@Test
	void requireOrgRoleWhenAdminOrOwnerThenOk() {
		get("/annotated/admin", (claims) -> claims.claim("role", "admin")).expectStatus().isOk();
		get("/annotated/admin", (claims) -> claims.claim("role", "owner")).expectStatus().isOk();
	}

	@Test
	void requireOrgRoleWhenNoRoleThenInsufficientScope() {
		get("/annotated/admin", (claims) -> claims.claim("role", null)).expectStatus().isForbidden();
		get("/annotated/admin", (claims) -> claims.claim("role", "superuser")).expectStatus().isForbidden();
	}

	@Test
	void routeOrgRoleWhenOwnerThenOkAndMemberForbidden() {
		get("/routes/admin", (claims) -> claims.claim("role", "owner")).expectStatus().isOk();
		get("/routes/admin", (claims) -> claims.claim("role", "member")).expectStatus().isForbidden();
	}

	@Test
	void authoritiesWhenOwnerThenScopesAndEveryIncludedRole() {
		get("/authorities", (claims) -> claims.claim("scope", "read:projects write:projects").claim("role", "owner"))
			.expectStatus()
			.isOk()
			.expectBody()
			.json("""
					["FACTOR_BEARER",
					 "PERMISSION_api_tokens:manage","PERMISSION_audit:read","PERMISSION_billing:manage",
					 "PERMISSION_clients:manage","PERMISSION_deployments:read","PERMISSION_deployments:write",
					 "PERMISSION_invitations:manage","PERMISSION_members:manage","PERMISSION_organization:delete",
					 "PERMISSION_organization:update","PERMISSION_projects:delete","PERMISSION_projects:read",
					 "PERMISSION_projects:write","PERMISSION_roles:manage",
					 "ROLE_ORG_ADMIN","ROLE_ORG_MEMBER","ROLE_ORG_OWNER",
					 "SCOPE_read:projects","SCOPE_write:projects"]""", true);
	}

	@Test
	void authoritiesWhenMemberThenMemberRoleOnly() {
		get("/authorities", (claims) -> claims.claim("scope", "read:projects").claim("role", "member")).expectStatus()
			.isOk()
			.expectBody()
			.json("""
					["FACTOR_BEARER",
					 "PERMISSION_deployments:read","PERMISSION_deployments:write",
					 "PERMISSION_projects:read","PERMISSION_projects:write",
					 "ROLE_ORG_MEMBER","SCOPE_read:projects"]""", true);
	}

	@Test
	void principalWhenReadFromReactiveSecurityContextThenWritPrincipal() {
		get("/context", (claims) -> claims.subject("usr_bob")).expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("usr_bob");
	}

	@Test
	void requireOrganizationWhenTokenHasNoOrgThenForbiddenWithReason() {
		get("/org", (claims) -> claims.claim("org", null).claim("role", null)).expectStatus()
			.isForbidden()
			.expectBody()
			.json("""
					{"error":"insufficient_scope",
					 "error_description":"this resource needs a token issued for an organization (org claim)"}""",
					true);
	}

	@Test
	void requireOrganizationWhenTokenHasOrgThenOk() {
		get("/org", (claims) -> claims.claim("org", "org_globex")).expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("org_globex");
	}

	@Test
	void permittedRouteWhenNoTokenThenOk() {
		api.client().get().uri("/public").exchange().expectStatus().isOk();
	}

	private static WebTestClient.ResponseSpec get(String path, Consumer<JWTClaimsSet.Builder> claims) {
		String token = issuer.mint(JWSAlgorithm.RS256, claims);
		return api.client().get().uri(path).headers((headers) -> headers.setBearerAuth(token)).exchange();
	}

}
