package dev.writ.server.org;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.writ.server.account.User;
import dev.writ.server.account.Users;
import dev.writ.server.audit.AuditFilter;
import dev.writ.server.audit.AuditLogQuery;
import dev.writ.server.audit.AuditRecord;
import dev.writ.server.event.Actor;
import dev.writ.server.event.ClientAddress;
import dev.writ.server.event.Target;
import dev.writ.server.test.TestAuthServer;
import dev.writ.server.token.RevocationList;
import dev.writ.server.token.UserAccessTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;

import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Defining, changing and deleting an organization's own roles on the real database: the
 * validation, the rule that nobody grants what they do not hold, the conflicts, the audit
 * records, and the end of a narrowed role's tokens. The races between deleting a role and
 * giving it are in {@link OrganizationRoleRaceTests}.
 */
class OrganizationRolesTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final String IP = "203.0.113.9";

	private static final Grantor OPERATOR = Grantor.platform(Actor.client("operator-cli"));

	private static TestAuthServer server;

	private static OrganizationRoles roles;

	private static DatabaseClient database;

	private String organization;

	private Grantor admin;

	@BeforeAll
	static void start() {
		server = TestAuthServer.start(Map.of("spring.profiles.active", "demo"));
		roles = server.bean(OrganizationRoles.class);
		database = server.bean(DatabaseClient.class);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@BeforeEach
	void organization() {
		this.organization = "org_" + UUID.randomUUID().toString().replace("-", "");
		database.sql("INSERT INTO organizations (id, slug, name) VALUES (:id, :id, 'Test Org')")
			.bind("id", this.organization)
			.then()
			.block(TIMEOUT);
		this.admin = new Grantor(Actor.user("usr_" + UUID.randomUUID().toString().replace("-", "")),
				Permissions.ofBuiltIn(Permissions.ADMIN));
	}

	private static <T> T fromRequest(Mono<T> call) {
		return call.contextWrite((context) -> ClientAddress.put(context, IP)).block(TIMEOUT);
	}

	private Role define(String name, String... permissions) {
		return fromRequest(roles.define(this.organization, name, null, List.of(permissions), OPERATOR));
	}

	private User member(String role) {
		User user = server.bean(Users.class)
			.create("member-" + UUID.randomUUID() + "@test.test", "Member", "member-password")
			.block(TIMEOUT);
		server.bean(Memberships.class).join(user.id(), this.organization, role).block(TIMEOUT);
		return user;
	}

	private List<AuditRecord> audit(String action) {
		return server.bean(AuditLogQuery.class)
			.find(this.organization, AuditFilter.NEWEST.withAction(action))
			.collectList()
			.block(TIMEOUT);
	}

	@Test
	void listWhenNoRolesOfItsOwnThenBuiltInsHighestFirst() {
		List<Role> listed = roles.list(this.organization).collectList().block(TIMEOUT);
		assertThat(listed).extracting(Role::name).containsExactly("owner", "admin", "member");
		assertThat(listed).allMatch(Role::builtIn);
		assertThat(listed.get(1).permissions()).contains(Permissions.ROLES_MANAGE, Permissions.ORGANIZATION_UPDATE)
			.doesNotContain(Permissions.BILLING_MANAGE);
		assertThat(listed.get(0).createdAt()).isNull();
	}

	@Test
	void listWhenRolesOfItsOwnThenAfterTheBuiltInsByNameAndNoOtherOrganizations() {
		define("support", "projects:read");
		define("auditor", "audit:read");
		database
			.sql("INSERT INTO organization_roles (organization_id, name, permissions)"
					+ " VALUES ('org_acme', 'acme-only', '{projects:read}') ON CONFLICT DO NOTHING")
			.then()
			.block(TIMEOUT);
		assertThat(roles.list(this.organization).map(Role::name).collectList().block(TIMEOUT)).containsExactly("owner",
				"admin", "member", "auditor", "support");
	}

	@Test
	void defineWhenValidThenStoredInVocabularyOrderAndAudited() {
		Instant before = Instant.now().minusSeconds(1);
		Role role = fromRequest(roles.define(this.organization, "release-manager", "Ships releases",
				List.of("deployments:write", "projects:read", "deployments:write"), this.admin));
		assertThat(role.name()).isEqualTo("release-manager");
		assertThat(role.description()).isEqualTo("Ships releases");
		assertThat(role.permissions()).containsExactly("projects:read", "deployments:write");
		assertThat(role.builtIn()).isFalse();
		assertThat(role.createdAt()).isAfter(before).isEqualTo(role.updatedAt());
		assertThat(roles.find(this.organization, "release-manager").block(TIMEOUT)).isEqualTo(role);

		List<AuditRecord> records = audit("role.created");
		assertThat(records).hasSize(1);
		AuditRecord record = records.get(0);
		assertThat(record.actor()).isEqualTo(this.admin.actor());
		assertThat(record.target()).isEqualTo(new Target(Target.ROLE, "release-manager"));
		assertThat(record.ipAddress()).isEqualTo(IP);
		assertThat(record.details()).isEqualTo(
				Map.of("description", "Ships releases", "permissions", List.of("projects:read", "deployments:write")));
	}

	@Test
	void defineWhenNoDescriptionAndNoPermissionsThenEmptyOnes() {
		Role role = define("guest");
		assertThat(role.description()).isEmpty();
		assertThat(role.permissions()).isEmpty();
	}

	@Test
	void defineWhenEveryFieldWrongThenEachViolationNamedAndNothingStored() {
		assertThatExceptionOfType(InvalidRoleException.class)
			.isThrownBy(
					() -> roles
						.define(this.organization, "Release Manager", "x".repeat(501),
								List.of("projects:read", "projects:archive", "roles:delete"), OPERATOR)
						.block(TIMEOUT))
			.satisfies((ex) -> assertThat(ex.violations()).containsExactly(
					new InvalidRoleException.Violation("name",
							"must be a lower-case letter followed by 1 to 39 lower-case letters, digits, '_' or '-'"),
					new InvalidRoleException.Violation("description", "must be at most 500 characters"),
					new InvalidRoleException.Violation("permissions",
							"unknown permission(s): projects:archive, roles:delete")));
		assertThat(roles.list(this.organization).count().block(TIMEOUT)).isEqualTo(3);
		assertThat(audit("role.created")).isEmpty();
	}

	@Test
	void defineWhenNameTooShortTooLongOrNotStartingWithALetterThenInvalid() {
		for (String name : List.of("a", "a".repeat(41), "1st-line", "_support", "support!", "")) {
			assertThatExceptionOfType(InvalidRoleException.class).as(name)
				.isThrownBy(() -> define(name, "projects:read"))
				.satisfies((ex) -> assertThat(ex.violations()).extracting(InvalidRoleException.Violation::field)
					.containsExactly("name"));
		}
		assertThat(define("a".repeat(40)).name()).hasSize(40);
	}

	@Test
	void defineWhenPermissionsNullThenInvalid() {
		assertThatExceptionOfType(InvalidRoleException.class)
			.isThrownBy(() -> roles.define(this.organization, "support", null, null, OPERATOR).block(TIMEOUT))
			.satisfies((ex) -> assertThat(ex.violations())
				.containsExactly(new InvalidRoleException.Violation("permissions", "must be given")));
	}

	@Test
	void defineWhenPermissionTheGrantorLacksThenEscalationRefusedAndNothingStored() {
		assertThatExceptionOfType(RoleEscalationException.class)
			.isThrownBy(() -> roles
				.define(this.organization, "treasurer", null, List.of("projects:read", "billing:manage"), this.admin)
				.block(TIMEOUT))
			.satisfies((ex) -> assertThat(ex.missing()).containsExactly("billing:manage"));
		assertThat(roles.find(this.organization, "treasurer").block(TIMEOUT)).isNull();
	}

	@Test
	void defineWhenGrantorHoldsOnlyMemberPermissionsThenOnlyThoseGrantable() {
		Grantor member = new Grantor(Actor.user("usr_member"), Permissions.ofBuiltIn(Permissions.MEMBER));
		assertThat(roles.define(this.organization, "reader", null, List.of("projects:read"), member).block(TIMEOUT))
			.isNotNull();
		assertThatExceptionOfType(RoleEscalationException.class)
			.isThrownBy(() -> roles.define(this.organization, "role-admin", null, List.of("roles:manage"), member)
				.block(TIMEOUT));
	}

	@Test
	void defineWhenBuiltInNameThenConflict() {
		for (String name : List.of("owner", "admin", "member")) {
			assertThatExceptionOfType(RoleConflictException.class).isThrownBy(() -> define(name, "projects:read"))
				.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(RoleConflictException.Reason.EXISTS));
		}
	}

	@Test
	void defineWhenNameTakenThenConflictAndFirstKept() {
		define("support", "projects:read");
		assertThatExceptionOfType(RoleConflictException.class).isThrownBy(() -> define("support", "audit:read"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(RoleConflictException.Reason.EXISTS));
		assertThat(roles.permissions(this.organization, "support").block(TIMEOUT)).containsExactly("projects:read");
		assertThat(audit("role.created")).hasSize(1);
	}

	@Test
	void defineWhenSameNameInAnotherOrganizationThenBothExist() {
		define("support", "projects:read");
		String own = this.organization;
		organization();
		define("support", "audit:read");
		assertThat(roles.permissions(own, "support").block(TIMEOUT)).containsExactly("projects:read");
		assertThat(roles.permissions(this.organization, "support").block(TIMEOUT)).containsExactly("audit:read");
	}

	@Test
	void defineWhenTwoAtOnceThenExactlyOneWins() {
		List<Boolean> outcomes = Mono.zip(defined("projects:read"), defined("audit:read"), List::of).block(TIMEOUT);
		assertThat(outcomes).containsExactlyInAnyOrder(true, false);
	}

	private Mono<Boolean> defined(String permission) {
		return roles.define(this.organization, "contested", null, List.of(permission), OPERATOR)
			.thenReturn(true)
			.onErrorResume(RoleConflictException.class, (ex) -> Mono.just(false));
	}

	@Test
	void defineWhenUnknownOrganizationThenRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> roles.define("org_nowhere", "support", null, List.of(), OPERATOR).block(TIMEOUT))
			.withMessage("no organization 'org_nowhere'");
	}

	@Test
	void findAndPermissionsWhenBuiltInOwnOrUnknownThenAnsweredOrEmpty() {
		define("support", "projects:read");
		assertThat(roles.find(this.organization, "owner").block(TIMEOUT).builtIn()).isTrue();
		assertThat(roles.permissions(this.organization, "member").block(TIMEOUT)).containsExactly("projects:read",
				"projects:write", "deployments:read", "deployments:write");
		assertThat(roles.permissions(this.organization, "support").block(TIMEOUT)).containsExactly("projects:read");
		assertThat(roles.find(this.organization, "nobody").block(TIMEOUT)).isNull();
		assertThat(roles.find(this.organization, "Not A Name").block(TIMEOUT)).isNull();
		assertThat(roles.permissions("org_acme", "support").block(TIMEOUT)).isNull();
	}

	@Test
	void assignableWhenUnknownThenUnknownRole() {
		assertThatExceptionOfType(UnknownRoleException.class)
			.isThrownBy(() -> roles.assignable(this.organization, "nobody").block(TIMEOUT))
			.satisfies((ex) -> assertThat(ex.role()).isEqualTo("nobody"));
		assertThat(roles.assignable(this.organization, "admin").block(TIMEOUT).name()).isEqualTo("admin");
	}

	@Test
	void updateWhenChangedThenStoredAndAuditedWithWhatChanged() {
		Role defined = define("support", "projects:read", "audit:read");
		Role updated = fromRequest(roles.update(this.organization, "support", "Helps customers",
				List.of("projects:write", "projects:read"), this.admin));
		assertThat(updated.permissions()).containsExactly("projects:read", "projects:write");
		assertThat(updated.description()).isEqualTo("Helps customers");
		assertThat(updated.createdAt()).isEqualTo(defined.createdAt());
		assertThat(updated.updatedAt()).isAfterOrEqualTo(defined.updatedAt());
		assertThat(roles.find(this.organization, "support").block(TIMEOUT)).isEqualTo(updated);

		List<AuditRecord> records = audit("role.updated");
		assertThat(records).hasSize(1);
		assertThat(records.get(0).actor()).isEqualTo(this.admin.actor());
		assertThat(records.get(0).ipAddress()).isEqualTo(IP);
		assertThat(records.get(0).details()).isEqualTo(
				Map.of("description", "Helps customers", "permissions", List.of("projects:read", "projects:write"),
						"added", List.of("projects:write"), "removed", List.of("audit:read")));
	}

	@Test
	void updateWhenNothingChangesThenNoWriteAndNoEvent() {
		Role defined = define("support", "projects:read");
		assertThat(roles.update(this.organization, "support", null, List.of("projects:read"), OPERATOR).block(TIMEOUT))
			.isEqualTo(defined);
		assertThat(audit("role.updated")).isEmpty();
	}

	@Test
	void updateWhenInvalidThenViolationsAndRoleUnchanged() {
		define("support", "projects:read");
		assertThatExceptionOfType(InvalidRoleException.class)
			.isThrownBy(() -> roles.update(this.organization, "support", null, List.of("projects:fly"), OPERATOR)
				.block(TIMEOUT));
		assertThat(roles.permissions(this.organization, "support").block(TIMEOUT)).containsExactly("projects:read");
	}

	@Test
	void updateOrDeleteWhenBuiltInThenConflict() {
		assertThatExceptionOfType(RoleConflictException.class)
			.isThrownBy(() -> roles.update(this.organization, "member", null, List.of("projects:read"), OPERATOR)
				.block(TIMEOUT))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(RoleConflictException.Reason.BUILT_IN));
		assertThatExceptionOfType(RoleConflictException.class)
			.isThrownBy(() -> roles.delete(this.organization, "owner", OPERATOR).block(TIMEOUT))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(RoleConflictException.Reason.BUILT_IN));
	}

	@Test
	void updateOrDeleteWhenUnknownOrAnotherOrganizationsThenUnknownRole() {
		database
			.sql("INSERT INTO organization_roles (organization_id, name, permissions)"
					+ " VALUES ('org_acme', 'acme-only', '{projects:read}') ON CONFLICT DO NOTHING")
			.then()
			.block(TIMEOUT);
		for (String name : List.of("nobody", "acme-only", "Not A Name")) {
			assertThatExceptionOfType(UnknownRoleException.class)
				.isThrownBy(() -> roles.update(this.organization, name, null, List.of("projects:read"), OPERATOR)
					.block(TIMEOUT));
			assertThatExceptionOfType(UnknownRoleException.class)
				.isThrownBy(() -> roles.delete(this.organization, name, OPERATOR).block(TIMEOUT));
		}
		assertThat(roles.find("org_acme", "acme-only").block(TIMEOUT)).isNotNull();
	}

	@Test
	void updateWhenAddingPermissionTheGrantorLacksThenEscalationRefused() {
		define("support", "projects:read");
		assertThatExceptionOfType(RoleEscalationException.class)
			.isThrownBy(() -> roles
				.update(this.organization, "support", null, List.of("projects:read", "organization:delete"), this.admin)
				.block(TIMEOUT))
			.satisfies((ex) -> assertThat(ex.missing()).containsExactly("organization:delete"));
		assertThat(roles.permissions(this.organization, "support").block(TIMEOUT)).containsExactly("projects:read");
	}

	@Test
	void updateOrDeleteWhenRoleHasPermissionTheGrantorLacksThenRefused() {
		// an admin may neither rewrite nor remove what an owner gave powers beyond an
		// admin's
		define("treasurer", "projects:read", "billing:manage");
		assertThatExceptionOfType(RoleEscalationException.class)
			.isThrownBy(() -> roles.update(this.organization, "treasurer", null, List.of("projects:read"), this.admin)
				.block(TIMEOUT))
			.satisfies((ex) -> assertThat(ex.missing()).containsExactly("billing:manage"));
		assertThatExceptionOfType(RoleEscalationException.class)
			.isThrownBy(() -> roles.delete(this.organization, "treasurer", this.admin).block(TIMEOUT));
		assertThat(roles.permissions(this.organization, "treasurer").block(TIMEOUT)).containsExactly("projects:read",
				"billing:manage");
	}

	@Test
	void updateWhenNarrowedThenHoldersTokensForTheOrganizationRevoked() {
		define("support", "projects:read", "audit:read");
		User holder = member("support");
		User other = member("member");
		Instant expiry = Instant.now().plusSeconds(300);
		UserAccessTokens index = server.bean(UserAccessTokens.class);
		String holderJti = "jti-" + UUID.randomUUID();
		String holderElsewhereJti = "jti-" + UUID.randomUUID();
		String otherJti = "jti-" + UUID.randomUUID();
		index.add(holder.id(), this.organization, holderJti, expiry).block(TIMEOUT);
		index.add(holder.id(), "org_acme", holderElsewhereJti, expiry).block(TIMEOUT);
		index.add(other.id(), this.organization, otherJti, expiry).block(TIMEOUT);
		RevocationList revoked = server.bean(RevocationList.class);

		// widening leaves every token alone
		roles
			.update(this.organization, "support", null, List.of("projects:read", "audit:read", "projects:write"),
					OPERATOR)
			.block(TIMEOUT);
		assertThat(revoked.isRevoked(holderJti).block(TIMEOUT)).isFalse();

		roles.update(this.organization, "support", null, List.of("projects:read", "projects:write"), OPERATOR)
			.block(TIMEOUT);
		assertThat(revoked.isRevoked(holderJti).block(TIMEOUT)).isTrue();
		assertThat(revoked.isRevoked(holderElsewhereJti).block(TIMEOUT)).isFalse();
		assertThat(revoked.isRevoked(otherJti).block(TIMEOUT)).isFalse();
	}

	@Test
	void deleteWhenUnusedThenGoneAndAudited() {
		define("support", "projects:read");
		fromRequest(roles.delete(this.organization, "support", this.admin));
		assertThat(roles.find(this.organization, "support").block(TIMEOUT)).isNull();
		List<AuditRecord> records = audit("role.deleted");
		assertThat(records).hasSize(1);
		assertThat(records.get(0).target()).isEqualTo(new Target(Target.ROLE, "support"));
		assertThat(records.get(0).actor()).isEqualTo(this.admin.actor());
		assertThat(records.get(0).ipAddress()).isEqualTo(IP);
		assertThat(records.get(0).details()).isEqualTo(Map.of("permissions", List.of("projects:read")));
		// the name is free again
		assertThat(define("support", "audit:read").permissions()).containsExactly("audit:read");
	}

	@Test
	void deleteWhenHeldByAMemberThenConflictAndKept() {
		define("support", "projects:read");
		member("support");
		assertThatExceptionOfType(RoleConflictException.class)
			.isThrownBy(() -> roles.delete(this.organization, "support", OPERATOR).block(TIMEOUT))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(RoleConflictException.Reason.IN_USE))
			.withMessage("the role 'support' is held by 1 member(s) and granted by 0 pending invitation(s)");
		assertThat(roles.find(this.organization, "support").block(TIMEOUT)).isNotNull();
		assertThat(audit("role.deleted")).isEmpty();
	}

	@Test
	void deleteWhenPendingInvitationGrantsItThenConflict() {
		define("support", "projects:read");
		invitation("support", "now() + interval '1 day'", null);
		assertThatExceptionOfType(RoleConflictException.class)
			.isThrownBy(() -> roles.delete(this.organization, "support", OPERATOR).block(TIMEOUT))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(RoleConflictException.Reason.IN_USE))
			.withMessageEndingWith("granted by 1 pending invitation(s)");
	}

	@Test
	void deleteWhenOnlyExpiredOrAcceptedInvitationsNamedItThenDeleted() {
		define("support", "projects:read");
		invitation("support", "now() - interval '1 second'", null);
		invitation("support", "now() + interval '1 day'", "now()");
		roles.delete(this.organization, "support", OPERATOR).block(TIMEOUT);
		assertThat(roles.find(this.organization, "support").block(TIMEOUT)).isNull();
	}

	private void invitation(String role, String expiresAt, String acceptedAt) {
		database
			.sql("""
					INSERT INTO invitations (id, organization_id, email, role, token_hash, created_at, expires_at,
					accepted_at)
					VALUES (:id, :org, 'invitee@test.test', :role, :hash, now() - interval '2 days', %s, %s)"""
				.formatted(expiresAt, (acceptedAt != null) ? acceptedAt : "NULL"))
			.bind("id", "inv_" + UUID.randomUUID().toString().replace("-", ""))
			.bind("org", this.organization)
			.bind("role", role)
			.bind("hash", UUID.randomUUID().toString())
			.then()
			.block(TIMEOUT);
	}

	@Test
	void insertWhenBuiltInOrMalformedNameThenRefusedByTheSchema() {
		for (String name : List.of("admin", "Support", "s")) {
			assertThatExceptionOfType(DataIntegrityViolationException.class).as(name)
				.isThrownBy(() -> database.sql(
						"INSERT INTO organization_roles (organization_id, name, permissions) VALUES (:org, :name, '{}')")
					.bind("org", this.organization)
					.bind("name", name)
					.then()
					.block(TIMEOUT));
		}
	}

	@Test
	void joinWhenOwnRoleThenMemberInItAndUnknownRoleRefused() {
		define("support", "projects:read");
		User user = member("support");
		assertThat(server.bean(Memberships.class).find(user.id(), this.organization).block(TIMEOUT))
			.isEqualTo(new OrganizationRole(this.organization, "support"));
		assertThatExceptionOfType(UnknownRoleException.class).isThrownBy(() -> member("nobody"));
		assertThat(Set.copyOf(roles.list(this.organization).map(Role::name).collectList().block(TIMEOUT)))
			.doesNotContain("nobody");
	}

}
