package dev.writ.server.org;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in table, the same as the resource-server starter's
 * {@code RolePermissionsTests} pins: resource servers and the admin API must agree.
 */
class PermissionsTests {

	@Test
	void ofBuiltInWhenEachRoleThenTheStartersTable() {
		assertThat(Permissions.ofBuiltIn("member")).containsExactly("projects:read", "projects:write",
				"deployments:read", "deployments:write");
		assertThat(Permissions.ofBuiltIn("admin")).containsExactly("projects:read", "projects:write",
				"deployments:read", "deployments:write", "projects:delete", "members:manage", "invitations:manage",
				"clients:manage", "api_tokens:manage", "audit:read", "roles:manage", "organization:update");
		assertThat(Permissions.ofBuiltIn("owner")).containsAll(Permissions.ofBuiltIn("admin"))
			.contains("billing:manage", "organization:delete")
			.hasSize(14);
		assertThat(Permissions.all()).isEqualTo(Permissions.ofBuiltIn("owner"));
	}

	@Test
	void ofBuiltInWhenOtherNameThenNothing() {
		assertThat(Permissions.isBuiltIn("auditor")).isFalse();
		assertThat(Permissions.ofBuiltIn("auditor")).isEmpty();
	}

	@Test
	void isKnownWhenInTheVocabularyThenTrueElseFalse() {
		assertThat(Permissions.isKnown("billing:manage")).isTrue();
		assertThat(Permissions.isKnown("roles:manage")).isTrue();
		assertThat(Permissions.isKnown("projects:archive")).isFalse();
		assertThat(Permissions.isKnown("read:projects")).isFalse();
	}

}
