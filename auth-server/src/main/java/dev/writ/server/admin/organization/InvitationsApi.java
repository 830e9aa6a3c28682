package dev.writ.server.admin.organization;

import java.util.Map;

import dev.writ.server.admin.AdminAuthorization;
import dev.writ.server.admin.AdminEvents;
import dev.writ.server.admin.AdminProblem;
import dev.writ.server.admin.Page;
import dev.writ.server.admin.JsonBody;
import dev.writ.server.admin.OrganizationAccess;
import dev.writ.server.event.DomainEventTypes;
import dev.writ.server.event.Target;
import dev.writ.server.invitation.Invitation;
import dev.writ.server.invitation.Invitations;
import dev.writ.server.mail.MailNotSentException;
import dev.writ.server.org.Permissions;
import dev.writ.server.org.UnknownRoleException;
import dev.writ.server.protocol.NoStoreResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;

/**
 * {@code /admin/api/organizations/{org}/invitations}: list pending invitations, invite
 * someone by email, withdraw an invitation; {@value Permissions#INVITATIONS_MANAGE}, and
 * the role invited into must be one the caller may grant (an admin cannot invite an
 * owner).
 */
@Component
final class InvitationsApi {

	static final String PATH = OrganizationsApi.ONE + "/invitations";

	static final String ONE = PATH + "/{id}";

	private final AdminAuthorization authorization;

	private final Invitations invitations;

	private final AdminEvents events;

	private final TransactionalOperator transaction;

	InvitationsApi(AdminAuthorization authorization, Invitations invitations, AdminEvents events,
			ReactiveTransactionManager transactions) {
		this.authorization = authorization;
		this.invitations = invitations;
		this.events = events;
		this.transaction = TransactionalOperator.create(transactions);
	}

	/** {@code GET}: the invitations that can still be accepted, oldest first. */
	Mono<ServerResponse> list(ServerRequest request) {
		return access(request)
			.flatMap(
					(access) -> this.invitations.pending(access.organizationId()).map(InvitationJson::of).collectList())
			.map(Page::of)
			.flatMap(NoStoreResponse::json);
	}

	/**
	 * {@code POST}: 201 once the email is sent; 503 when it cannot be (nothing is kept
	 * then).
	 */
	Mono<ServerResponse> create(ServerRequest request) {
		return access(request)
			.flatMap((access) -> JsonBody.read(request)
				.map(CreateInvitationRequest::parse)
				.flatMap((invite) -> this.authorization.grantable(access, invite.role(), "role")
					.then(Mono.defer(() -> invite(access, invite)))))
			.flatMap((invitation) -> ServerResponse.status(201)
				.cacheControl(CacheControl.noStore())
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(InvitationJson.of(invitation)));
	}

	/**
	 * Sends the invitation, then records it; if the record fails, the invitation is
	 * withdrawn again, so that no link works whose sending the audit log does not show.
	 */
	private Mono<Invitation> invite(OrganizationAccess access, CreateInvitationRequest invite) {
		String inviter = access.platform() ? null : access.caller().userId();
		return this.invitations.invite(access.organizationId(), invite.email(), invite.role(), inviter)
			.onErrorMap(MailNotSentException.class, (ex) -> AdminProblem.unavailable(ex.getMessage()))
			// the role was deleted between the grant check and the invitation
			.onErrorMap(UnknownRoleException.class, (ex) -> AdminProblem.invalidField("role", "no such role"))
			.onErrorMap(IllegalArgumentException.class,
					(ex) -> AdminProblem.invalidField("email", "must be an email address"))
			.flatMap((invitation) -> this.events
				.publish(access.caller(), DomainEventTypes.INVITATION_CREATED, access.organizationId(),
						new Target(Target.INVITATION, invitation.id()),
						Map.of("email", invitation.email(), "role", invitation.role()))
				.onErrorResume(
						(ex) -> this.invitations.revoke(access.organizationId(), invitation.id()).then(Mono.error(ex)))
				.thenReturn(invitation));
	}

	/** {@code DELETE {id}}: 204; 404 unless the invitation is pending. */
	Mono<ServerResponse> revoke(ServerRequest request) {
		String id = request.pathVariable("id");
		return access(
				request)
			.flatMap((access) -> this.invitations.revoke(access.organizationId(), id)
				.flatMap((revoked) -> revoked ? this.events
					.publish(access.caller(), DomainEventTypes.INVITATION_REVOKED, access.organizationId(),
							new Target(Target.INVITATION, id), Map.of())
					.thenReturn(true) : Mono.error(AdminProblem.notFound("no such pending invitation")))
				.as(this.transaction::transactional))
			.then(ServerResponse.noContent().build());
	}

	private Mono<OrganizationAccess> access(ServerRequest request) {
		return this.authorization.inOrganization(request, request.pathVariable("org"), Permissions.INVITATIONS_MANAGE);
	}

}
