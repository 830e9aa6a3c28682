package dev.writ.resourceserver;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrgRoleTests {

	@Test
	void includesWhenHigherOrEqualThenTrue() {
		assertThat(OrgRole.OWNER.includes(OrgRole.MEMBER)).isTrue();
		assertThat(OrgRole.ADMIN.includes(OrgRole.ADMIN)).isTrue();
		assertThat(OrgRole.MEMBER.includes(OrgRole.ADMIN)).isFalse();
	}

	@Test
	void fromClaimWhenKnownThenRoleElseNull() {
		assertThat(OrgRole.fromClaim("owner")).isEqualTo(OrgRole.OWNER);
		assertThat(OrgRole.fromClaim("Admin")).isEqualTo(OrgRole.ADMIN);
		assertThat(OrgRole.fromClaim("superuser")).isNull();
		assertThat(OrgRole.fromClaim(null)).isNull();
	}

	@Test
	void authorityThenRoleOrgPrefix() {
		assertThat(OrgRole.MEMBER.authority()).isEqualTo("ROLE_ORG_MEMBER");
	}

}
