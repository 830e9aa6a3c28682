package dev.writ.server.org;

import java.util.Collection;

import dev.writ.server.protocol.OpaqueTokens;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;

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

	@Override
	public Flux<Organization> findPage(@Nullable String afterId, int limit) {
		DatabaseClient.GenericExecuteSpec select = (afterId != null)
				? this.database
					.sql("SELECT id, slug, name FROM organizations WHERE id > :after ORDER BY id LIMIT :limit")
					.bind("after", afterId)
				: this.database.sql("SELECT id, slug, name FROM organizations ORDER BY id LIMIT :limit");
		return select.bind("limit", limit).map(R2dbcOrganizations::organization).all();
	}

	@Override
	public Mono<Organization> create(String slug, String name) {
		// 128 random bits: an id cannot be guessed from another, or from the slug
		String id = "org_" + OpaqueTokens.random(16);
		return this.database.sql("INSERT INTO organizations (id, slug, name) VALUES (:id, :slug, :name)")
			.bind("id", id)
			.bind("slug", slug)
			.bind("name", name)
			.then()
			.onErrorMap(DataIntegrityViolationException.class, (ex) -> new DuplicateSlugException(slug))
			.thenReturn(new Organization(id, slug, name));
	}

	@Override
	public Mono<Organization> rename(String id, String name) {
		return this.database.sql("UPDATE organizations SET name = :name WHERE id = :id RETURNING id, slug, name")
			.bind("id", id)
			.bind("name", name)
			.map(R2dbcOrganizations::organization)
			.one();
	}

	@Override
	public Mono<Boolean> delete(String id) {
		return this.database.sql("DELETE FROM organizations WHERE id = :id")
			.bind("id", id)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	private static Organization organization(Readable row) {
		return new Organization(row.get("id", String.class), row.get("slug", String.class),
				row.get("name", String.class));
	}

}
