package dev.writ.server.org;

import java.time.OffsetDateTime;

import io.r2dbc.spi.Readable;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link Memberships} in the {@code memberships} table. */
@Component
final class R2dbcMemberships implements Memberships {

	private static final String SELECT_BY_USER = """
			SELECT organization_id, role FROM memberships WHERE user_id = :userId
			ORDER BY created_at, organization_id""";

	// The no-op update takes the row lock and makes RETURNING answer the existing row,
	// where DO NOTHING would answer no row at all.
	private static final String JOIN = """
			INSERT INTO memberships (user_id, organization_id, role) VALUES (:userId, :organizationId, :role)
			ON CONFLICT (user_id, organization_id) DO UPDATE SET role = memberships.role
			RETURNING organization_id, role""";

	private static final String SELECT_MEMBERS = """
			SELECT m.user_id, u.email, u.name, m.role, m.created_at FROM memberships m JOIN users u ON u.id = m.user_id
			WHERE m.organization_id = :org""";

	private final DatabaseClient database;

	private final OrganizationRoles roles;

	private final TransactionalOperator transaction;

	R2dbcMemberships(DatabaseClient database, OrganizationRoles roles, ReactiveTransactionManager transactions) {
		this.database = database;
		this.roles = roles;
		this.transaction = TransactionalOperator.create(transactions);
	}

	@Override
	public Flux<OrganizationRole> findByUserId(String userId) {
		return this.database.sql(SELECT_BY_USER).bind("userId", userId).map(R2dbcMemberships::membership).all();
	}

	@Override
	public Mono<OrganizationRole> find(String userId, String organizationId) {
		return this.database
			.sql("SELECT organization_id, role FROM memberships WHERE user_id = :userId AND organization_id = :org")
			.bind("userId", userId)
			.bind("org", organizationId)
			.map(R2dbcMemberships::membership)
			.one();
	}

	@Override
	public Flux<Member> findMembers(String organizationId) {
		return this.database.sql(SELECT_MEMBERS + " ORDER BY m.created_at, m.user_id")
			.bind("org", organizationId)
			.map(R2dbcMemberships::member)
			.all();
	}

	@Override
	public Mono<Member> findMember(String organizationId, String userId) {
		return this.database.sql(SELECT_MEMBERS + " AND m.user_id = :user")
			.bind("org", organizationId)
			.bind("user", userId)
			.map(R2dbcMemberships::member)
			.one();
	}

	private static Member member(Readable row) {
		return new Member(row.get("user_id", String.class), row.get("email", String.class),
				row.get("name", String.class), row.get("role", String.class),
				row.get("created_at", OffsetDateTime.class).toInstant());
	}

	@Override
	public Mono<OrganizationRole> join(String userId, String organizationId, String role) {
		// the record refuses a malformed role before the schema has to; the transaction
		// is the caller's when there is one, so the role stays locked until it commits
		return Mono.fromCallable(() -> new OrganizationRole(organizationId, role))
			.flatMap((requested) -> this.roles.assignable(organizationId, role)
				.then(this.database.sql(JOIN)
					.bind("userId", userId)
					.bind("organizationId", requested.organizationId())
					.bind("role", requested.role())
					.map(R2dbcMemberships::membership)
					.one()))
			.as(this.transaction::transactional);
	}

	private static OrganizationRole membership(Readable row) {
		return new OrganizationRole(row.get("organization_id", String.class), row.get("role", String.class));
	}

}
