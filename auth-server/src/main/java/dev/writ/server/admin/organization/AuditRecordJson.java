package dev.writ.server.admin.organization;

import java.time.Instant;
import java.util.Map;

import dev.writ.server.audit.AuditRecord;
import dev.writ.server.event.Actor;
import dev.writ.server.event.Target;
import org.jspecify.annotations.Nullable;

/**
 * One record of the audit log as the admin API shows it.
 *
 * @param id the record's id
 * @param occurredAt when it happened, to the microsecond
 * @param action the event type, e.g. {@code membership.role_changed}
 * @param actor who did it ({@code kind}: user, client or system; {@code id})
 * @param target what it was done to ({@code kind}, {@code id})
 * @param ipAddress the client address of the request that caused it, or {@code null}
 * @param details what else the event says
 */
record AuditRecordJson(long id, Instant occurredAt, String action, Actor actor, Target target,
		@Nullable String ipAddress, Map<String, Object> details) {

	static AuditRecordJson of(AuditRecord record) {
		return new AuditRecordJson(record.id(), record.occurredAt(), record.action(), record.actor(), record.target(),
				record.ipAddress(), record.details());
	}

}
