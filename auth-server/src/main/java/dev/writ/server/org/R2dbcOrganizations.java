package dev.writ.server.org;

import java.util.Collection;

import io.r2dbc.spi.Readable;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link Organizations} in the {@code organizations} table. */
@Component
final class R2dbcOrganizations implements Organizations {

	private final DatabaseClient database;

	R2dbcOrganizations(DatabaseClient database) {
		this.database = database;
	}

	@Override
	public Mono<Organization> findById(String id) {
		return this.database.sql("SELECT id, slug, name FROM organizations WHERE id = :id")
			.bind("id", id)
			.map(R2dbcOrganizations::organization)
			.one();
	}

	@Override
	public Flux<Organization> findAllById(Collection<String> ids) {
		if (ids.isEmpty()) {
			return Flux.empty();
		}
		return this.database.sql("SELECT id, slug, name FROM organizations WHERE id = ANY(:ids) ORDER BY name, id")
			.bind("ids", ids.toArray(String[]::new))
			.map(R2dbcOrganizations::organization)
			.all();
	}

	private static Organization organization(Readable row) {
		return new Organization(row.get("id", String.class), row.get("slug", String.class),
				row.get("name", String.class));
	}

}
