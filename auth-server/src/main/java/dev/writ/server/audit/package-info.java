/**
 * The audit log: every domain event, kept in PostgreSQL and readable by the admins of the
 * organization it happened in.
 *
 * <p>
 * {@link dev.writ.server.audit.AuditLog} listens to
 * {@link dev.writ.server.event.DomainEvents} and writes each event as one row of
 * {@code audit_log} before the publication completes;
 * {@link dev.writ.server.audit.AuditLogQuery} reads one organization's rows, newest
 * first, filtered by an {@link dev.writ.server.audit.AuditFilter} and paged by an
 * {@link dev.writ.server.audit.AuditCursor}. Nothing here updates or deletes a row.
 */
@NullMarked
package dev.writ.server.audit;

import org.jspecify.annotations.NullMarked;
