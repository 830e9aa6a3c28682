package dev.writ.server.consent;

import java.util.Arrays;

import dev.writ.server.protocol.Scope;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** {@link Consents} in the {@code consents} table. */
@Component
final class R2dbcConsents implements Consents {

	private final DatabaseClient database;

	R2dbcConsents(DatabaseClient database) {
		this.database = database;
	}

	@Override
	public Mono<Scope> granted(String userId, String clientId) {
		return this.database.sql("SELECT scopes FROM consents WHERE user_id = :userId AND client_id = :clientId")
			.bind("userId", userId)
			.bind("clientId", clientId)
			.map((row) -> Scope.of(Arrays.asList(row.get("scopes", String[].class))))
			.one()
			.defaultIfEmpty(Scope.EMPTY);
	}

	@Override
	public Mono<Void> grant(String userId, String clientId, Scope scope) {
		// The union is computed in the statement, so two concurrent grants cannot lose
		// each other's scopes.
		return this.database.sql("""
				INSERT INTO consents (user_id, client_id, scopes) VALUES (:userId, :clientId, :scopes)
				ON CONFLICT (user_id, client_id) DO UPDATE SET granted_at = now(),
				    scopes = ARRAY(SELECT DISTINCT unnest(consents.scopes || EXCLUDED.scopes) ORDER BY 1)""")
			.bind("userId", userId)
			.bind("clientId", clientId)
			.bind("scopes", scope.tokens().toArray(String[]::new))
			.then();
	}

}
