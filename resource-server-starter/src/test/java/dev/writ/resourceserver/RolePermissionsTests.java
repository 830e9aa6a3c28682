package dev.writ.resourceserver;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RolePermissionsTests {

	@Test
	void defaultsWhenBuiltInRolesThenEachIncludesTheOneBelow() {
		RolePermissions defaults = RolePermissions.defaults();
		assertThat(defaults.permissions("member")).containsExactly("projects:read", "projects:write",
				"deployments:read", "deployments:write");
		assertThat(defaults.permissions("admin")).containsAll(defaults.permissions("member"))
			.contains("projects:delete", "members:manage", "invitations:manage", "clients:manage", "api_tokens:manage",
					"audit:read", "roles:manage", "organization:update")
			.hasSize(12);
		assertThat(defaults.permissions("owner")).containsAll(defaults.permissions("admin"))
			.contains("billing:manage", "organization:delete")
			.hasSize(14);
		assertThat(defaults.permissions("member")).doesNotContain("projects:delete", "billing:manage", "roles:manage",
				"organization:update");
		assertThat(defaults.permissions("admin")).doesNotContain("billing:manage", "organization:delete");
	}

	@Test
	void permissionsWhenUnknownRoleOrNoneThenEmpty() {
		assertThat(RolePermissions.defaults().permissions("billing-viewer")).isEmpty();
		assertThat(RolePermissions.defaults().permissions(null)).isEmpty();
	}

	@Test
	void permissionsWhenRoleInOtherCaseThenFound() {
		assertThat(RolePermissions.defaults().permissions("Owner")).contains("organization:delete");
	}

	@Test
	void withWhenRoleNamedThenReplacedAndOthersKept() {
		RolePermissions mapping = RolePermissions.defaults()
			.with(Map.of("member", List.of("projects:read"), "Auditor", List.of(" audit:read ", "")));
		assertThat(mapping.permissions("member")).containsExactly("projects:read");
		assertThat(mapping.permissions("auditor")).containsExactly("audit:read");
		assertThat(mapping.permissions("owner")).isEqualTo(RolePermissions.defaults().permissions("owner"));
	}

	@Test
	void ofWhenBuiltInRoleNotNamedThenItGrantsNothing() {
		assertThat(RolePermissions.of(Map.of("auditor", List.of("audit:read"))).permissions("owner")).isEmpty();
	}

	@Test
	void authorityThenPermissionPrefix() {
		assertThat(WritPermission.authority(WritPermission.PROJECTS_DELETE)).isEqualTo("PERMISSION_projects:delete");
	}

}
