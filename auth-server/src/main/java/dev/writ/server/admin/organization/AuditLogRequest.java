package dev.writ.server.admin.organization;

import java.time.Instant;

import dev.writ.server.admin.QueryParameters;
import dev.writ.server.audit.AuditCursor;
import dev.writ.server.audit.AuditFilter;

import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * {@code GET /admin/api/organizations/{org}/audit-log}'s query:
 * {@code action, actor, target, since, until, limit, after}.
 *
 * @param filter the audit log filter it asks for
 */
record AuditLogRequest(AuditFilter filter) {

	static AuditLogRequest parse(ServerRequest request) {
		QueryParameters query = QueryParameters.of(request);
		String action = query.string("action", 100);
		String actor = query.string("actor", 200);
		String target = query.string("target", 100);
		Instant since = query.instant("since");
		Instant until = query.instant("until");
		int limit = query.limit("limit", AuditFilter.DEFAULT_LIMIT, AuditFilter.MAX_LIMIT);
		String after = query.string("after", 100);
		AuditCursor cursor = null;
		if (after != null) {
			try {
				cursor = AuditCursor.parse(after);
			}
			catch (IllegalArgumentException ex) {
				query.error("after", "must be the next value of an earlier page");
			}
		}
		AuditFilter filter = null;
		try {
			filter = new AuditFilter(action, actor, target, since, until, cursor, limit);
		}
		catch (IllegalArgumentException ex) {
			query.error((since != null && until != null) ? "until" : "since", ex.getMessage());
		}
		query.validate();
		return new AuditLogRequest(filter);
	}

}
