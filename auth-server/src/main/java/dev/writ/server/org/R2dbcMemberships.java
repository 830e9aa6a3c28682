package dev.writ.server.org;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;

/** {@link Memberships} in the {@code memberships} table. */
@Component
final class R2dbcMemberships implements Memberships {

	private static final String SELECT_BY_USER = """
			SELECT organization_id, role FROM memberships WHERE user_id = :userId
			ORDER BY created_at, organization_id""";

	private final DatabaseClient database;

	R2dbcMemberships(DatabaseClient database) {
		this.database = database;
	}

	@Override
	public Flux<OrganizationRole> findByUserId(String userId) {
		return this.database.sql(SELECT_BY_USER)
			.bind("userId", userId)
			.map((row) -> new OrganizationRole(row.get("organization_id", String.class), row.get("role", String.class)))
			.all();
	}

}
