package dev.writ.server.admin.organization;

import dev.writ.server.admin.Page;
import dev.writ.server.admin.AdminAuthorization;
import dev.writ.server.audit.AuditLogQuery;
import dev.writ.server.org.Permissions;
import dev.writ.server.protocol.NoStoreResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;

/**
 * {@code GET /admin/api/organizations/{org}/audit-log}: the organization's audit log,
 * newest first, filtered and paged; {@value Permissions#AUDIT_READ}. Only the
 * organization's own records: the query cannot reach another's.
 */
@Component
final class AuditLogApi {

	static final String PATH = OrganizationsApi.ONE + "/audit-log";

	private final AdminAuthorization authorization;

	private final AuditLogQuery auditLog;

	AuditLogApi(AdminAuthorization authorization, AuditLogQuery auditLog) {
		this.authorization = authorization;
		this.auditLog = auditLog;
	}

	Mono<ServerResponse> query(ServerRequest request) {
		return this.authorization.inOrganization(request, request.pathVariable("org"), Permissions.AUDIT_READ)
			.flatMap((access) -> {
				AuditLogRequest query = AuditLogRequest.parse(request);
				return this.auditLog.find(access.organizationId(), query.filter())
					.collectList()
					.map((records) -> new Page<>(records.stream().map(AuditRecordJson::of).toList(),
							(records.size() == query.filter().limit())
									? records.get(records.size() - 1).cursor().toString() : null));
			})
			.flatMap(NoStoreResponse::json);
	}

}
