package dev.writ.server.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.writ.server.event.Actor;
import dev.writ.server.event.Target;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;

/**
 * {@link AuditLogQuery} on the {@code audit_log} table. The statement names only the
 * conditions the filter has, so PostgreSQL plans each shape of query on its own, walking
 * the {@code (organization_id, occurred_at DESC, id DESC)} index.
 */
@Component
final class R2dbcAuditLogQuery implements AuditLogQuery {

	private static final String SELECT = """
			SELECT id, occurred_at, organization_id, actor_kind, actor_id, action, target_kind, target_id, ip_address,
			    details
			FROM audit_log WHERE organization_id = :organizationId""";

	private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
	};

	private final DatabaseClient database;

	private final JsonMapper json;

	R2dbcAuditLogQuery(DatabaseClient database, JsonMapper json) {
		this.database = database;
		this.json = json;
	}

	@Override
	public Flux<AuditRecord> find(String organizationId, AuditFilter filter) {
		StringBuilder sql = new StringBuilder(SELECT);
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("organizationId", organizationId);
		where(sql, values, "action = :action", "action", filter.action());
		where(sql, values, "actor_id = :actorId", "actorId", filter.actorId());
		where(sql, values, "target_kind = :targetKind", "targetKind", filter.targetKind());
		where(sql, values, "occurred_at >= :from", "from", filter.from());
		where(sql, values, "occurred_at < :to", "to", filter.to());
		AuditCursor before = filter.before();
		if (before != null) {
			// a row comparison, which the index answers as one range
			sql.append(" AND (occurred_at, id) < (:beforeTime, :beforeId)");
			values.put("beforeTime", before.occurredAt());
			values.put("beforeId", before.id());
		}
		sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT :limit");
		values.put("limit", filter.limit());
		return this.database.sql(sql.toString()).bindValues(values).map(this::record).all();
	}

	private static void where(StringBuilder sql, Map<String, Object> values, String condition, String name,
			@Nullable Object value) {
		if (value != null) {
			sql.append(" AND ").append(condition);
			values.put(name, value);
		}
	}

	private AuditRecord record(Readable row) {
		return new AuditRecord(row.get("id", Long.class), row.get("occurred_at", Instant.class),
				row.get("organization_id", String.class),
				new Actor(row.get("actor_kind", String.class), row.get("actor_id", String.class)),
				row.get("action", String.class),
				new Target(row.get("target_kind", String.class), row.get("target_id", String.class)),
				row.get("ip_address", String.class),
				this.json.readValue(row.get("details", Json.class).asString(), DETAILS));
	}

}
