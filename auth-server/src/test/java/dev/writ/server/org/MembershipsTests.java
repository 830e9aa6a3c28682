package dev.writ.server.org;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.writ.server.account.User;
import dev.writ.server.account.Users;
import dev.writ.server.test.TestAuthServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The {@link Memberships} contract on the {@code memberships} table, with the demo data.
 */
class MembershipsTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static TestAuthServer server;

	private static Memberships memberships;

	private static DatabaseClient database;

	@BeforeAll
	static void start() {
		// a server of its own, since some tests add memberships
		server = TestAuthServer.start(Map.of("spring.profiles.active", "demo"));
		memberships = server.bean(Memberships.class);
		database = server.bean(DatabaseClient.class);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	private static User newUser() {
		return server.bean(Users.class)
			.create("member-" + UUID.randomUUID() + "@example.test", "Member", "correct horse battery staple")
			.block(TIMEOUT);
	}

	private static void insert(String userId, String organizationId, String role, String createdAt) {
		database
			.sql("INSERT INTO memberships (user_id, organization_id, role, created_at)"
					+ " VALUES (:user, :org, :role, CAST(:createdAt AS timestamptz))")
			.bind("user", userId)
			.bind("org", organizationId)
			.bind("role", role)
			.bind("createdAt", createdAt)
			.then()
			.block(TIMEOUT);
	}

	@Test
	void findByUserIdWhenDemoUsersThenTheirRoles() {
		assertThat(memberships.findByUserId("usr_alice").collectList().block(TIMEOUT))
			.containsExactly(new OrganizationRole("org_acme", "owner"));
		assertThat(memberships.findByUserId("usr_adam").collectList().block(TIMEOUT))
			.containsExactly(new OrganizationRole("org_acme", "member"));
		assertThat(memberships.findByUserId("usr_gina").collectList().block(TIMEOUT))
			.containsExactly(new OrganizationRole("org_globex", "admin"));
	}

	@Test
	void findByUserIdWhenUnknownUserThenEmpty() {
		assertThat(memberships.findByUserId("usr_unknown").collectList().block(TIMEOUT)).isEmpty();
	}

	@Test
	void findByUserIdWhenUserHasNoMembershipThenEmpty() {
		assertThat(memberships.findByUserId(newUser().id()).collectList().block(TIMEOUT)).isEmpty();
	}

	@Test
	void findByUserIdWhenSeveralThenOldestFirstAndTiesByOrganizationId() {
		database
			.sql("INSERT INTO organizations (id, slug, name) VALUES ('org_initech', 'initech', 'Initech')"
					+ " ON CONFLICT DO NOTHING")
			.then()
			.block(TIMEOUT);
		User user = newUser();
		insert(user.id(), "org_initech", "member", "2026-01-02T00:00:00Z");
		insert(user.id(), "org_globex", "owner", "2026-01-01T00:00:00Z");
		insert(user.id(), "org_acme", "admin", "2026-01-02T00:00:00Z");
		assertThat(memberships.findByUserId(user.id()).collectList().block(TIMEOUT)).containsExactly(
				new OrganizationRole("org_globex", "owner"), new OrganizationRole("org_acme", "admin"),
				new OrganizationRole("org_initech", "member"));
	}

	@Test
	void findByUserIdWhenUserDeletedThenMembershipsGoWithIt() {
		User user = newUser();
		insert(user.id(), "org_acme", "member", "2026-01-01T00:00:00Z");
		database.sql("DELETE FROM users WHERE id = :id").bind("id", user.id()).then().block(TIMEOUT);
		assertThat(memberships.findByUserId(user.id()).collectList().block(TIMEOUT)).isEmpty();
	}

	@Test
	void joinWhenNotAMemberThenMemberInTheRole() {
		User user = newUser();
		assertThat(memberships.join(user.id(), "org_globex", "admin").block(TIMEOUT))
			.isEqualTo(new OrganizationRole("org_globex", "admin"));
		assertThat(memberships.findByUserId(user.id()).collectList().block(TIMEOUT))
			.containsExactly(new OrganizationRole("org_globex", "admin"));
	}

	@Test
	void joinWhenMemberAlreadyThenRoleKept() {
		User user = newUser();
		insert(user.id(), "org_acme", "owner", "2026-01-01T00:00:00Z");
		assertThat(memberships.join(user.id(), "org_acme", "member").block(TIMEOUT))
			.isEqualTo(new OrganizationRole("org_acme", "owner"));
		assertThat(memberships.findByUserId(user.id()).collectList().block(TIMEOUT))
			.containsExactly(new OrganizationRole("org_acme", "owner"));
	}

	@Test
	void joinWhenUnknownRoleThenRefusedAndNothingAdded() {
		User user = newUser();
		assertThatExceptionOfType(UnknownRoleException.class)
			.isThrownBy(() -> memberships.join(user.id(), "org_acme", "guest").block(TIMEOUT));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> memberships.join(user.id(), "org_acme", "Guest!").block(TIMEOUT));
		assertThat(memberships.findByUserId(user.id()).collectList().block(TIMEOUT)).isEmpty();
	}

	@Test
	void joinWhenUnknownOrganizationThenRefusedByTheSchema() {
		User user = newUser();
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> memberships.join(user.id(), "org_nowhere", "member").block(TIMEOUT));
	}

	@Test
	void insertWhenMalformedRoleThenRefusedByTheSchema() {
		User user = newUser();
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> insert(user.id(), "org_acme", "Guest!", "2026-01-01T00:00:00Z"));
	}

	@Test
	void insertWhenSameOrganizationTwiceThenRefusedByTheSchema() {
		User user = newUser();
		insert(user.id(), "org_acme", "member", "2026-01-01T00:00:00Z");
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> insert(user.id(), "org_acme", "admin", "2026-01-02T00:00:00Z"));
	}

}
