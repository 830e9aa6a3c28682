package dev.writ.server.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import dev.writ.server.event.Actor;
import dev.writ.server.event.EventDetails;
import dev.writ.server.event.Target;
import org.jspecify.annotations.Nullable;

/**
 * One row of the audit log: a {@link dev.writ.server.event.DomainEvent} as it was
 * recorded.
 *
 * @param id the record's id, in the order records were written
 * @param occurredAt when the event happened, to the microsecond
 * @param organizationId the organization it happened in, or {@code null}
 * @param actor who did it
 * @param action the event's type, e.g. {@code membership.role_changed}
 * @param target what it was done to
 * @param ipAddress the client address of the request that caused it, or {@code null}
 * @param details the event's details, as published
 */
public record AuditRecord(long id, Instant occurredAt, @Nullable String organizationId, Actor actor, String action,
		Target target, @Nullable String ipAddress, Map<String, Object> details) {

	public AuditRecord {
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(actor, "actor");
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(target, "target");
		details = EventDetails.copyOf(details);
	}

	/** The cursor for the page after the one this record ends. */
	public AuditCursor cursor() {
		return new AuditCursor(this.occurredAt, this.id);
	}

}
