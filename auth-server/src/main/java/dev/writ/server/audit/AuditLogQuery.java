package dev.writ.server.audit;

import reactor.core.publisher.Flux;

/**
 * Reads an organization's audit log, for its admins (the admin API checks who may ask).
 *
 * <p>
 * Contract: only records of {@code organizationId} are returned, never another
 * organization's nor those of no organization; newest first, ties broken by the higher id
 * first, so that the order is total and an {@link AuditCursor} from the last record of a
 * page starts the next page exactly where this one ended.
 */
public interface AuditLogQuery {

	Flux<AuditRecord> find(String organizationId, AuditFilter filter);

}
