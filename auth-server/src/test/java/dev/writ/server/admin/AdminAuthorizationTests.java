package dev.writ.server.admin;

import java.time.Duration;

import dev.writ.server.account.User;
import dev.writ.server.org.Permissions;
import dev.writ.server.test.AccessTokens;
import dev.writ.server.test.AdminApiServer;
import dev.writ.server.test.AdminFixtures;
import dev.writ.server.test.TestAuthServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.reactive.function.server.MockServerRequest;

import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What a caller may do in an organization: a user within their current role in the
 * organization of their token, the platform everywhere; and what nobody may grant.
 */
class AdminAuthorizationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static TestAuthServer server;

	private static AdminAuthorization authorization;

	private static AdminFixtures fixtures;

	@BeforeAll
	static void start() {
		server = AdminApiServer.get();
		authorization = server.bean(AdminAuthorization.class);
		fixtures = new AdminFixtures(server);
	}

	private static MockServerRequest request(String token) {
		return MockServerRequest.builder()
			.method(HttpMethod.GET)
			.uri(java.net.URI.create("/admin/api/organizations"))
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.build();
	}

	private static AdminProblem refusal(Mono<?> decision) {
		AdminProblem[] problem = new AdminProblem[1];
		assertThatExceptionOfType(AdminProblem.class).isThrownBy(() -> decision.block(TIMEOUT))
			.satisfies((thrown) -> problem[0] = thrown);
		return problem[0];
	}

	@Test
	void inOrganizationWhenMemberOfTheTokensOrganizationThenPermissionsOfTheCurrentRole() {
		String organization = fixtures.organization();
		User admin = fixtures.member(organization, "admin");
		String token = fixtures.token(admin);
		OrganizationAccess access = authorization
			.inOrganization(request(token), organization, Permissions.MEMBERS_MANAGE)
			.block(TIMEOUT);
		assertThat(access.role()).isEqualTo("admin");
		assertThat(access.platform()).isFalse();
		assertThat(access.permissions()).isEqualTo(Permissions.ofBuiltIn("admin"));

		fixtures.setRole(admin, organization, "member");
		AdminProblem problem = refusal(
				authorization.inOrganization(request(token), organization, Permissions.MEMBERS_MANAGE));
		assertThat(problem.status()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(problem.detail()).contains("members:manage");
	}

	@Test
	void inOrganizationWhenAnotherOrganizationThenForbiddenEvenForAMemberThere() {
		String first = fixtures.organization();
		String second = fixtures.organization();
		User user = fixtures.member(first, "owner");
		server.bean(dev.writ.server.org.Memberships.class).join(user.id(), second, "owner").block(TIMEOUT);
		String token = fixtures.token(user, "manage:organization", first);
		AdminProblem problem = refusal(authorization.inOrganization(request(token), second));
		assertThat(problem.status()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(problem.slug()).isEqualTo("forbidden");
		assertThat(problem.wwwAuthenticate()).isEqualTo("Bearer error=\"insufficient_scope\"");
	}

	@Test
	void inOrganizationWhenUserTokenWithoutManageScopeThenInsufficientScope() {
		String token = AccessTokens.forUser(server, "alice@acme.test", AccessTokens.DEMO_PASSWORD, "read:projects");
		AdminProblem problem = refusal(authorization.inOrganization(request(token), "org_acme"));
		assertThat(problem.status()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(problem.wwwAuthenticate())
			.isEqualTo("Bearer error=\"insufficient_scope\", scope=\"manage:organization\"");
	}

	@Test
	void inOrganizationWhenMachineClientWithoutPlatformScopeThenInsufficientScope() {
		String token = AccessTokens.forPlatform(server, "admin:clients");
		AdminProblem problem = refusal(authorization.inOrganization(request(token), "org_acme"));
		assertThat(problem.wwwAuthenticate())
			.isEqualTo("Bearer error=\"insufficient_scope\", scope=\"admin:organizations\"");
	}

	@Test
	void inOrganizationWhenPlatformThenEveryPermissionAndNotFoundForNoOrganization() {
		String token = AccessTokens.forPlatform(server, "admin:organizations");
		OrganizationAccess access = authorization
			.inOrganization(request(token), "org_globex", Permissions.ORGANIZATION_DELETE)
			.block(TIMEOUT);
		assertThat(access.platform()).isTrue();
		assertThat(access.permissions()).isEqualTo(Permissions.all());
		assertThat(refusal(authorization.inOrganization(request(token), "org_none")).status())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void platformWhenUserTokenThenInsufficientScope() {
		String token = AccessTokens.forUser(server, "alice@acme.test", AccessTokens.DEMO_PASSWORD,
				"manage:organization");
		assertThat(refusal(authorization.platform(request(token), AdminScopes.ADMIN_ORGANIZATIONS)).wwwAuthenticate())
			.isEqualTo("Bearer error=\"insufficient_scope\", scope=\"admin:organizations\"");
		assertThat(refusal(authorization.withScope(request(token), AdminScopes.ADMIN_USERS)).status())
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void grantableWhenRoleBeyondTheCallerThenForbiddenAndUnknownRoleInvalid() {
		AdminCaller caller = new AdminCaller("usr_x", "demo-web", dev.writ.server.protocol.Scope.EMPTY, "org_x", true);
		OrganizationAccess admin = new OrganizationAccess(caller, "org_x", "admin", Permissions.ofBuiltIn("admin"));
		assertThat(authorization.grantable(admin, "admin", "role").block(TIMEOUT))
			.isEqualTo(Permissions.ofBuiltIn("admin"));
		assertThat(refusal(authorization.grantable(admin, "owner", "role")).status()).isEqualTo(HttpStatus.FORBIDDEN);
		AdminProblem unknown = refusal(authorization.grantable(admin, "emperor", "role"));
		assertThat(unknown.slug()).isEqualTo("validation");
		assertThat(unknown.errors()).containsExactly(AdminProblem.FieldError.member("role", "no such role"));
		OrganizationAccess owner = new OrganizationAccess(caller, "org_x", "owner", Permissions.ofBuiltIn("owner"));
		assertThat(authorization.grantable(owner, "owner", "role").block(TIMEOUT)).isEqualTo(Permissions.all());
	}

	@Test
	void mayManageWhenTargetIsAnOwnerThenOnlyAnOwner() {
		AdminCaller caller = new AdminCaller("usr_x", "demo-web", dev.writ.server.protocol.Scope.EMPTY, "org_x", true);
		OrganizationAccess admin = new OrganizationAccess(caller, "org_x", "admin", Permissions.ofBuiltIn("admin"));
		OrganizationAccess owner = new OrganizationAccess(caller, "org_x", "owner", Permissions.ofBuiltIn("owner"));
		assertThat(refusal(authorization.mayManage(admin, "owner")).status()).isEqualTo(HttpStatus.FORBIDDEN);
		authorization.mayManage(admin, "admin").block(TIMEOUT);
		authorization.mayManage(owner, "owner").block(TIMEOUT);
	}

}
