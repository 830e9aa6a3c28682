package dev.writ.server.apitoken;

import java.util.Set;

import dev.writ.server.org.Permissions;
import dev.writ.server.protocol.Scope;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiTokenScopesTests {

	private static final Set<String> FOUR = Set.of("read:projects", "write:projects", "read:deployments",
			"write:deployments");

	@Test
	void grantableWhenBuiltInRolesThenTheFourApiScopesEach() {
		for (String role : Set.of(Permissions.OWNER, Permissions.ADMIN, Permissions.MEMBER)) {
			assertThat(ApiTokenScopes.grantable(Permissions.ofBuiltIn(role))).as(role)
				.containsExactlyInAnyOrderElementsOf(FOUR);
		}
	}

	@Test
	void grantableWhenSomePermissionsThenTheScopesTheyCoverOnly() {
		assertThat(ApiTokenScopes.grantable(Set.of("projects:read", "audit:read", "projects:delete")))
			.containsExactly("read:projects");
		assertThat(ApiTokenScopes.grantable(Set.of())).isEmpty();
	}

	@Test
	void permissionWhenScopeThenResourceFirst() {
		assertThat(ApiTokenScopes.permission("read:projects")).isEqualTo("projects:read");
		assertThat(ApiTokenScopes.permission("write:deployments")).isEqualTo("deployments:write");
	}

	@Test
	void beyondAndWithinWhenPermissionsCoverPartThenTheRest() {
		Scope requested = Scope.parse("read:projects write:projects openid");
		Set<String> reader = Set.of("projects:read");
		assertThat(ApiTokenScopes.beyond(reader, requested)).isEqualTo(Scope.parse("write:projects openid"));
		assertThat(ApiTokenScopes.within(reader, requested)).isEqualTo(Scope.parse("read:projects"));
	}

}
