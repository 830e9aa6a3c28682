package dev.writ.server.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.writ.server.event.Actor;
import dev.writ.server.event.DomainEvent;
import dev.writ.server.event.DomainEventTypes;
import dev.writ.server.event.DomainEvents;
import dev.writ.server.event.Target;
import dev.writ.server.test.TestAuthServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.dao.DataAccessException;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link AuditLog} and {@link AuditLogQuery} on the real {@code audit_log} table, written
 * through {@link DomainEvents} as every publisher will. Each test works in organizations
 * of its own, so the tests share one server without seeing each other's records.
 */
class AuditLogTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

	private static TestAuthServer server;

	private static DomainEvents events;

	private static AuditLogQuery query;

	private final String organization = newOrganization();

	@BeforeAll
	static void start() {
		server = TestAuthServer.start();
		events = server.bean(DomainEvents.class);
		query = server.bean(AuditLogQuery.class);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	private static String newOrganization() {
		return "org_" + UUID.randomUUID().toString().replace("-", "");
	}

	private static DomainEvent event(String organization, String type, Actor actor, Target target, Instant at) {
		return new DomainEvent(type, organization, actor, target, "192.0.2.10", at, Map.of());
	}

	private static void publish(DomainEvent event) {
		events.publish(event).block(TIMEOUT);
	}

	private void publish(String type, Actor actor, Target target, Instant at) {
		publish(event(this.organization, type, actor, target, at));
	}

	private List<AuditRecord> find(AuditFilter filter) {
		return find(this.organization, filter);
	}

	private static List<AuditRecord> find(String organization, AuditFilter filter) {
		return query.find(organization, filter).collectList().block(TIMEOUT);
	}

	private static List<String> targets(List<AuditRecord> records) {
		return records.stream().map((record) -> record.target().id()).toList();
	}

	@Test
	void publishWhenEventThenRecordedWithEveryFieldAndDetailsAsPublished() {
		Map<String, Object> details = Map.of("from", "member", "to", "admin", "notified", true, "attempt", 2, "scopes",
				List.of("read:projects", "write:projects"), "limits", Map.of("ratio", 0.25, "max", 3L));
		DomainEvent event = new DomainEvent(DomainEventTypes.MEMBERSHIP_ROLE_CHANGED, this.organization,
				Actor.user("usr_alice"), new Target(Target.MEMBERSHIP, "usr_adam"), "2001:db8::7",
				Instant.parse("2026-03-01T10:00:00.123456789Z"), details);
		publish(event);
		List<AuditRecord> records = find(AuditFilter.NEWEST);
		assertThat(records).singleElement().satisfies((record) -> {
			assertThat(record.id()).isPositive();
			assertThat(record.occurredAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123456Z"));
			assertThat(record.organizationId()).isEqualTo(this.organization);
			assertThat(record.actor()).isEqualTo(Actor.user("usr_alice"));
			assertThat(record.action()).isEqualTo("membership.role_changed");
			assertThat(record.target()).isEqualTo(new Target("membership", "usr_adam"));
			assertThat(record.ipAddress()).isEqualTo("2001:db8::7");
			assertThat(record.details()).isEqualTo(event.details());
		});
	}

	@Test
	void publishWhenNoAddressAndNoDetailsThenRecordedWithout() {
		publish(new DomainEvent(DomainEventTypes.CLIENT_DELETED, this.organization, Actor.system("cleanup"),
				new Target(Target.CLIENT, "old-client"), null, T0, Map.of()));
		assertThat(find(AuditFilter.NEWEST)).singleElement().satisfies((record) -> {
			assertThat(record.ipAddress()).isNull();
			assertThat(record.details()).isEmpty();
			assertThat(record.actor()).isEqualTo(Actor.system("cleanup"));
		});
	}

	@Test
	void findWhenOtherOrganizationsRecordsThenNeverReturned() {
		String other = newOrganization();
		publish(DomainEventTypes.API_TOKEN_CREATED, Actor.user("usr_alice"), new Target(Target.API_TOKEN, "mine"), T0);
		publish(event(other, DomainEventTypes.API_TOKEN_CREATED, Actor.user("usr_alice"),
				new Target(Target.API_TOKEN, "theirs"), T0.plusSeconds(1)));
		publish(event(null, DomainEventTypes.REFRESH_REUSE_DETECTED, Actor.client("demo-web"),
				new Target(Target.REFRESH_TOKEN_FAMILY, "nobodys"), T0.plusSeconds(2)));
		assertThat(targets(find(AuditFilter.NEWEST))).containsExactly("mine");
		assertThat(targets(find(other, AuditFilter.NEWEST))).containsExactly("theirs");
		assertThat(targets(find(other, AuditFilter.NEWEST.withActorId("usr_alice")))).containsExactly("theirs");
	}

	@Test
	void findWhenOrganizationHasNoRecordsThenEmpty() {
		assertThat(find(AuditFilter.NEWEST)).isEmpty();
	}

	@Test
	void findWhenSeveralThenNewestFirstAndSameTimeByHigherIdFirst() {
		publish(DomainEventTypes.INVITATION_CREATED, Actor.user("usr_alice"), new Target(Target.INVITATION, "a"), T0);
		publish(DomainEventTypes.INVITATION_CREATED, Actor.user("usr_alice"), new Target(Target.INVITATION, "b"),
				T0.plusSeconds(60));
		publish(DomainEventTypes.INVITATION_CREATED, Actor.user("usr_alice"), new Target(Target.INVITATION, "c"), T0);
		List<AuditRecord> records = find(AuditFilter.NEWEST);
		assertThat(targets(records)).containsExactly("b", "c", "a");
		assertThat(records.get(1).id()).isGreaterThan(records.get(2).id());
		assertThat(targets(find(AuditFilter.NEWEST.withLimit(2)))).containsExactly("b", "c");
	}

	@Test
	void findWhenActionGivenThenOnlyThatAction() {
		publish(DomainEventTypes.MEMBERSHIP_ADDED, Actor.user("usr_alice"), new Target(Target.MEMBERSHIP, "added"), T0);
		publish(DomainEventTypes.MEMBERSHIP_REMOVED, Actor.user("usr_alice"), new Target(Target.MEMBERSHIP, "removed"),
				T0.plusSeconds(1));
		assertThat(targets(find(AuditFilter.NEWEST.withAction(DomainEventTypes.MEMBERSHIP_REMOVED))))
			.containsExactly("removed");
		assertThat(find(AuditFilter.NEWEST.withAction("membership.unknown"))).isEmpty();
	}

	@Test
	void findWhenActorIdGivenThenOnlyWhatThatActorDid() {
		publish(DomainEventTypes.CLIENT_UPDATED, Actor.user("usr_alice"), new Target(Target.CLIENT, "by-alice"), T0);
		publish(DomainEventTypes.CLIENT_UPDATED, Actor.client("usr_gina"), new Target(Target.CLIENT, "by-client"),
				T0.plusSeconds(1));
		publish(DomainEventTypes.CLIENT_UPDATED, Actor.user("usr_gina"), new Target(Target.CLIENT, "by-gina"),
				T0.plusSeconds(2));
		assertThat(targets(find(AuditFilter.NEWEST.withActorId("usr_alice")))).containsExactly("by-alice");
		// an id, whatever kind of actor has it
		assertThat(targets(find(AuditFilter.NEWEST.withActorId("usr_gina")))).containsExactly("by-gina", "by-client");
	}

	@Test
	void findWhenTargetKindGivenThenOnlyThatKind() {
		publish(DomainEventTypes.API_TOKEN_REVOKED, Actor.user("usr_alice"), new Target(Target.API_TOKEN, "token"), T0);
		publish(DomainEventTypes.CLIENT_SECRET_ROTATED, Actor.user("usr_alice"), new Target(Target.CLIENT, "client"),
				T0.plusSeconds(1));
		assertThat(targets(find(AuditFilter.NEWEST.withTargetKind(Target.API_TOKEN)))).containsExactly("token");
	}

	@Test
	void findWhenTimeRangeThenFromInclusiveAndToExclusive() {
		for (int minute = 0; minute < 4; minute++) {
			publish(DomainEventTypes.MEMBERSHIP_ADDED, Actor.user("usr_alice"),
					new Target(Target.MEMBERSHIP, "m" + minute), T0.plus(Duration.ofMinutes(minute)));
		}
		AuditFilter filter = AuditFilter.NEWEST;
		assertThat(targets(find(filter.withTimeRange(T0.plusSeconds(60), T0.plusSeconds(180))))).containsExactly("m2",
				"m1");
		assertThat(targets(find(filter.withTimeRange(T0.plusSeconds(61), null)))).containsExactly("m3", "m2");
		assertThat(targets(find(filter.withTimeRange(null, T0.plusSeconds(60))))).containsExactly("m0");
	}

	@Test
	void findWhenCursorOfLastRecordThenPagesNeitherOverlapNorSkip() {
		// two records at each time, so that pages end between records of one time
		for (int i = 0; i < 7; i++) {
			publish(DomainEventTypes.MEMBERSHIP_ADDED, Actor.user("usr_alice"), new Target(Target.MEMBERSHIP, "m" + i),
					T0.plusSeconds(i / 2));
		}
		publish(DomainEventTypes.MEMBERSHIP_REMOVED, Actor.user("usr_alice"), new Target(Target.MEMBERSHIP, "gone"),
				T0.plusSeconds(2));
		AuditFilter filter = AuditFilter.NEWEST.withAction(DomainEventTypes.MEMBERSHIP_ADDED).withLimit(3);
		List<String> paged = new ArrayList<>();
		List<AuditRecord> page = find(filter);
		int pages = 0;
		while (!page.isEmpty()) {
			pages++;
			paged.addAll(targets(page));
			AuditCursor cursor = AuditCursor.parse(page.get(page.size() - 1).cursor().toString());
			page = find(filter.withBefore(cursor));
		}
		assertThat(pages).isEqualTo(3);
		assertThat(paged).containsExactly("m6", "m5", "m4", "m3", "m2", "m1", "m0");
	}

	@Test
	void publishWhenDatabaseRefusesTheRecordThenPublishFailsAndNothingIsRecorded() {
		// PostgreSQL text cannot hold a NUL character
		DomainEvent event = event(this.organization, DomainEventTypes.CLIENT_CREATED, Actor.user("usr_alice"),
				new Target(Target.CLIENT, "bad\u0000id"), T0);
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> publish(event));
		assertThat(find(AuditFilter.NEWEST)).isEmpty();
	}

	@Test
	void publishWhenInsideATransactionThenRecordCommitsOrRollsBackWithTheChange() {
		TransactionalOperator transaction = TransactionalOperator.create(server.bean(ReactiveTransactionManager.class));
		DomainEvent rolledBack = event(this.organization, DomainEventTypes.MEMBERSHIP_ADDED, Actor.user("usr_alice"),
				new Target(Target.MEMBERSHIP, "rolled-back"), T0);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> events.publish(rolledBack)
			.then(Mono.error(new IllegalStateException("the change failed after its event")))
			.as(transaction::transactional)
			.block(TIMEOUT));
		DomainEvent committed = event(this.organization, DomainEventTypes.MEMBERSHIP_ADDED, Actor.user("usr_alice"),
				new Target(Target.MEMBERSHIP, "committed"), T0);
		events.publish(committed).as(transaction::transactional).block(TIMEOUT);
		assertThat(targets(find(AuditFilter.NEWEST))).containsExactly("committed");
	}

}
