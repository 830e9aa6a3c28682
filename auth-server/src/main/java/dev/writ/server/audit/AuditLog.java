package dev.writ.server.audit;

import java.time.temporal.ChronoUnit;

import dev.writ.server.event.DomainEvent;
import dev.writ.server.event.DomainEventListener;
import io.r2dbc.postgresql.codec.Json;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Writes every domain event to {@code audit_log}. First among the listeners, so that no
 * other listener (a webhook) acts on an event the log does not hold.
 *
 * <p>
 * Times are kept to the microsecond, PostgreSQL's precision; they are truncated here
 * rather than rounded by the database, so that a record never appears to be later than
 * the event.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
final class AuditLog implements DomainEventListener {

	private static final String INSERT = """
			INSERT INTO audit_log (occurred_at, organization_id, actor_kind, actor_id, action, target_kind, target_id,
			    ip_address, details)
			VALUES (:occurredAt, :organizationId, :actorKind, :actorId, :action, :targetKind, :targetId, :ipAddress,
			    :details)""";

	private final DatabaseClient database;

	private final JsonMapper json;

	AuditLog(DatabaseClient database, JsonMapper json) {
		this.database = database;
		this.json = json;
	}

	@Override
	public Mono<Void> on(DomainEvent event) {
		return Mono.defer(() -> this.database.sql(INSERT)
			.bind("occurredAt", event.occurredAt().truncatedTo(ChronoUnit.MICROS))
			.bind("organizationId", Parameter.fromOrEmpty(event.organizationId(), String.class))
			.bind("actorKind", event.actor().kind())
			.bind("actorId", event.actor().id())
			.bind("action", event.type())
			.bind("targetKind", event.target().kind())
			.bind("targetId", event.target().id())
			.bind("ipAddress", Parameter.fromOrEmpty(event.ipAddress(), String.class))
			.bind("details", Json.of(this.json.writeValueAsString(event.details())))
			.then());
	}

}
