package dev.writ.server.org;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.writ.server.account.User;
import dev.writ.server.account.Users;
import dev.writ.server.admin.MembershipAdministration;
import dev.writ.server.event.Actor;
import dev.writ.server.test.TestAuthServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuples;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deleting a role while it is being given never leaves a member, or an invitation, with a
 * role that does not exist: whichever comes second sees what the first did. The
 * interleavings are forced by holding a table lock that one side needs part-way through,
 * so each test decides the order instead of hoping for it.
 */
class OrganizationRoleRaceTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	/** How long the lock is held: long enough for the other side to start waiting. */
	private static final Duration HELD = Duration.ofMillis(1500);

	private static final Grantor OPERATOR = Grantor.platform(Actor.client("operator-cli"));

	private static TestAuthServer server;

	private static OrganizationRoles roles;

	private static DatabaseClient database;

	private static TransactionalOperator transaction;

	private String organization;

	@BeforeAll
	static void start() {
		server = TestAuthServer.start(Map.of());
		roles = server.bean(OrganizationRoles.class);
		database = server.bean(DatabaseClient.class);
		transaction = TransactionalOperator.create(server.bean(ReactiveTransactionManager.class));
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@BeforeEach
	void organization() {
		this.organization = "org_" + UUID.randomUUID().toString().replace("-", "");
		database.sql("INSERT INTO organizations (id, slug, name) VALUES (:id, :id, 'Race Org')")
			.bind("id", this.organization)
			.then()
			.block(TIMEOUT);
		roles.define(this.organization, "support", null, List.of("projects:read"), OPERATOR).block(TIMEOUT);
	}

	private static User user() {
		return server.bean(Users.class)
			.create("racer-" + UUID.randomUUID() + "@test.test", "Racer", "racer-password")
			.block(TIMEOUT);
	}

	/** Holds {@code lock} in a transaction of its own for {@link #HELD}. */
	private static Mono<Void> holding(String lock) {
		return database.sql(lock).then().then(Mono.delay(HELD)).then().as(transaction::transactional);
	}

	/**
	 * Runs {@code first} and {@code second} while {@code lock} is held, and answers both.
	 */
	private static <A, B> Tuple2<A, B> whileHolding(String lock, Mono<A> first, Mono<B> second) {
		return Mono.zip(holding(lock).thenReturn(true), first, second)
			.map((outcomes) -> Tuples.of(outcomes.getT2(), outcomes.getT3()))
			.block(TIMEOUT);
	}

	@Test
	void deleteWhenAJoinHoldsTheRoleThenDeleteWaitsAndIsRefused() {
		User user = user();
		// the join takes the role FOR SHARE, then waits to insert its membership; the
		// deletion, started meanwhile, waits for the role's row and then finds it held
		Mono<Signal<OrganizationRole>> join = server.bean(Memberships.class)
			.join(user.id(), this.organization, "support")
			.materialize()
			.delaySubscription(Duration.ofMillis(300));
		Mono<Signal<Void>> delete = roles.delete(this.organization, "support", OPERATOR)
			.materialize()
			.delaySubscription(Duration.ofMillis(800));
		Tuple2<Signal<OrganizationRole>, Signal<Void>> outcomes = whileHolding(
				"LOCK TABLE memberships IN EXCLUSIVE MODE", join, delete);
		assertThat(outcomes.getT1().get()).isEqualTo(new OrganizationRole(this.organization, "support"));
		assertThat(outcomes.getT2().getThrowable()).isInstanceOf(RoleConflictException.class)
			.extracting((ex) -> ((RoleConflictException) ex).reason())
			.isEqualTo(RoleConflictException.Reason.IN_USE);
		assertThat(roles.find(this.organization, "support").block(TIMEOUT)).isNotNull();
	}

	@Test
	void changeRoleWhenADeletionHoldsTheRoleThenChangeWaitsAndFindsNoRole() {
		User owner = user();
		User member = user();
		server.bean(Memberships.class).join(owner.id(), this.organization, "owner").block(TIMEOUT);
		server.bean(Memberships.class).join(member.id(), this.organization, "member").block(TIMEOUT);
		// the deletion takes the role FOR UPDATE, then waits to count the invitations;
		// the
		// change, started meanwhile, waits for the role's row and then finds it gone
		Mono<Signal<Void>> delete = roles.delete(this.organization, "support", OPERATOR)
			.materialize()
			.delaySubscription(Duration.ofMillis(300));
		Mono<Signal<OrganizationRole>> change = server.bean(MembershipAdministration.class)
			.changeRole(this.organization, member.id(), "support")
			.materialize()
			.delaySubscription(Duration.ofMillis(800));
		Tuple2<Signal<Void>, Signal<OrganizationRole>> outcomes = whileHolding(
				"LOCK TABLE invitations IN ACCESS EXCLUSIVE MODE", delete, change);
		assertThat(outcomes.getT1().isOnComplete()).isTrue();
		assertThat(outcomes.getT2().getThrowable()).isInstanceOf(UnknownRoleException.class);
		assertThat(server.bean(Memberships.class).find(member.id(), this.organization).block(TIMEOUT))
			.isEqualTo(new OrganizationRole(this.organization, "member"));
		assertThat(roles.find(this.organization, "support").block(TIMEOUT)).isNull();
	}

	@Test
	void changeRoleAndDeleteWhenRacingThenNeverAMemberWithoutARole() {
		User owner = user();
		server.bean(Memberships.class).join(owner.id(), this.organization, "owner").block(TIMEOUT);
		MembershipAdministration administration = server.bean(MembershipAdministration.class);
		for (int round = 0; round < 10; round++) {
			String role = "racer-" + round;
			User member = user();
			server.bean(Memberships.class).join(member.id(), this.organization, "member").block(TIMEOUT);
			roles.define(this.organization, role, null, List.of("projects:read"), OPERATOR).block(TIMEOUT);
			List<Boolean> outcomes = Mono
				.zip(administration.changeRole(this.organization, member.id(), role)
					.thenReturn(true)
					.onErrorResume(UnknownRoleException.class, (ex) -> Mono.just(false)),
						roles.delete(this.organization, role, OPERATOR)
							.thenReturn(true)
							.onErrorResume(RoleConflictException.class, (ex) -> Mono.just(false)),
						List::of)
				.block(TIMEOUT);
			assertThat(outcomes).as("round %d", round).containsExactlyInAnyOrder(true, false);
		}
		Long orphans = database.sql("""
				SELECT count(*) AS orphans FROM memberships m WHERE m.organization_id = :org
				AND m.role NOT IN ('owner', 'admin', 'member')
				AND NOT EXISTS (SELECT 1 FROM organization_roles r
				                WHERE r.organization_id = m.organization_id AND r.name = m.role)""")
			.bind("org", this.organization)
			.map((row) -> row.get("orphans", Long.class))
			.one()
			.block(TIMEOUT);
		assertThat(orphans).isZero();
	}

}
