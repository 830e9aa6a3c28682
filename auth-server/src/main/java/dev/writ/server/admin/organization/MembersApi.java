package dev.writ.server.admin.organization;

import java.util.Map;

import dev.writ.server.admin.AdminAuthorization;
import dev.writ.server.admin.AdminEvents;
import dev.writ.server.admin.AdminProblem;
import dev.writ.server.admin.Page;
import dev.writ.server.admin.JsonBody;
import dev.writ.server.admin.LastOwnerException;
import dev.writ.server.org.UnknownRoleException;
import dev.writ.server.admin.MembershipAdministration;
import dev.writ.server.admin.MembershipChange;
import dev.writ.server.admin.MembershipNotFoundException;
import dev.writ.server.admin.OrganizationAccess;
import dev.writ.server.event.DomainEventTypes;
import dev.writ.server.event.Target;
import dev.writ.server.org.Member;
import dev.writ.server.org.Memberships;
import dev.writ.server.org.Permissions;
import dev.writ.server.protocol.NoStoreResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;

/**
 * {@code /admin/api/organizations/{org}/members}: list members, change a member's role,
 * remove a member; {@value Permissions#MEMBERS_MANAGE}. A change takes effect at once
 * ({@link MembershipAdministration} ends the member's tokens for the organization), is
 * checked against the member's role as it is under the lock (an admin cannot touch an
 * owner, nobody grants more than they hold), and never leaves the organization without an
 * owner (409).
 */
@Component
final class MembersApi {

	static final String PATH = OrganizationsApi.ONE + "/members";

	static final String ONE = PATH + "/{userId}";

	private final AdminAuthorization authorization;

	private final Memberships memberships;

	private final MembershipAdministration administration;

	private final AdminEvents events;

	MembersApi(AdminAuthorization authorization, Memberships memberships, MembershipAdministration administration,
			AdminEvents events) {
		this.authorization = authorization;
		this.memberships = memberships;
		this.administration = administration;
		this.events = events;
	}

	/** {@code GET}: every member, oldest membership first. */
	Mono<ServerResponse> list(ServerRequest request) {
		return this.authorization.inOrganization(request, request.pathVariable("org"), Permissions.MEMBERS_MANAGE)
			.flatMap(
					(access) -> this.memberships.findMembers(access.organizationId()).map(MemberJson::of).collectList())
			.map(Page::of)
			.flatMap(NoStoreResponse::json);
	}

	/** {@code PATCH {userId}}: the member with their new role. */
	Mono<ServerResponse> changeRole(ServerRequest request) {
		String userId = request.pathVariable("userId");
		return this.authorization.inOrganization(request, request.pathVariable("org"), Permissions.MEMBERS_MANAGE)
			.flatMap((access) -> JsonBody.read(request)
				.map(ChangeRoleRequest::parse)
				.flatMap((change) -> changeRole(access, userId, change.role())))
			.onErrorMap(MembershipNotFoundException.class, (ex) -> AdminProblem.notFound("no such member"))
			.onErrorMap(LastOwnerException.class, (ex) -> AdminProblem.conflict(ex.getMessage()))
			// the role was deleted between the grant check and the change
			.onErrorMap(UnknownRoleException.class, (ex) -> AdminProblem.invalidField("role", "no such role"))
			.switchIfEmpty(Mono.error(() -> AdminProblem.notFound("no such member")))
			.map(MemberJson::of)
			.flatMap(NoStoreResponse::json);
	}

	private Mono<Member> changeRole(OrganizationAccess access, String userId, String role) {
		MembershipChange check = (current) -> this.authorization.mayManage(access, current)
			.then(current.equals(role) ? Mono.empty() : record(access, DomainEventTypes.MEMBERSHIP_ROLE_CHANGED, userId,
					Map.of("from", current, "to", role)));
		return this.authorization.grantable(access, role, "role")
			// deferred: the role is known to exist only once grantable has said so
			.then(Mono.defer(() -> this.administration.changeRole(access.organizationId(), userId, role, check)))
			.then(this.memberships.findMember(access.organizationId(), userId));
	}

	/** {@code DELETE {userId}}: 204. */
	Mono<ServerResponse> remove(ServerRequest request) {
		String userId = request.pathVariable("userId");
		return this.authorization.inOrganization(request, request.pathVariable("org"), Permissions.MEMBERS_MANAGE)
			.flatMap((access) -> this.administration.remove(access.organizationId(), userId,
					(current) -> this.authorization.mayManage(access, current)
						.then(record(access, DomainEventTypes.MEMBERSHIP_REMOVED, userId, Map.of("role", current)))))
			.onErrorMap(MembershipNotFoundException.class, (ex) -> AdminProblem.notFound("no such member"))
			.onErrorMap(LastOwnerException.class, (ex) -> AdminProblem.conflict(ex.getMessage()))
			.then(ServerResponse.noContent().build());
	}

	private Mono<Void> record(OrganizationAccess access, String type, String userId, Map<String, String> details) {
		return this.events.publish(access.caller(), type, access.organizationId(),
				new Target(Target.MEMBERSHIP, userId), details);
	}

}
