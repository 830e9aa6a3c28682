package dev.writ.server.admin;

import java.util.List;

import dev.writ.server.org.MemberTokenRevocation;
import dev.writ.server.org.OrganizationRole;
import dev.writ.server.org.OrganizationRoles;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Mono;

/**
 * Changes to who is in an organization and in which role. Each takes effect at once: the
 * member's refresh-token families for the organization die and their access tokens for it
 * go onto the revocation list, so the old role is not honoured for a token's lifetime. An
 * organization never loses its last owner: the check and the change run in one
 * transaction that locks the organization's memberships, so two admins demoting the last
 * two owners at once cannot both succeed. A role the organization defined is locked in
 * the same transaction ({@link OrganizationRoles#assignable}), so it cannot be deleted
 * while it is being given.
 */
@Component
public final class MembershipAdministration {

	private static final String LOCK = """
			SELECT user_id, role FROM memberships WHERE organization_id = :org ORDER BY user_id FOR UPDATE""";

	private final DatabaseClient database;

	private final TransactionalOperator transaction;

	private final OrganizationRoles roles;

	private final MemberTokenRevocation tokens;

	MembershipAdministration(DatabaseClient database, ReactiveTransactionManager transactions, OrganizationRoles roles,
			MemberTokenRevocation tokens) {
		this.database = database;
		this.transaction = TransactionalOperator.create(transactions);
		this.roles = roles;
		this.tokens = tokens;
	}

	/**
	 * Gives a member another role; answers the new membership.
	 * @param role a built-in role or one the organization defined
	 * @throws LastOwnerException (as the error) when the last owner would stop being one
	 * @throws MembershipNotFoundException (as the error) for a user who is not a member
	 * @throws dev.writ.server.org.UnknownRoleException (as the error) for a role the
	 * organization does not have
	 */
	public Mono<OrganizationRole> changeRole(String organizationId, String userId, String role) {
		return changeRole(organizationId, userId, role, MembershipChange.NONE);
	}

	/**
	 * Gives a member another role, once {@code change} has accepted (and recorded) it
	 * under the lock; answers the new membership.
	 * @throws LastOwnerException (as the error) when the last owner would stop being one
	 * @throws MembershipNotFoundException (as the error) for a user who is not a member
	 * @throws dev.writ.server.org.UnknownRoleException (as the error) for a role the
	 * organization does not have
	 */
	public Mono<OrganizationRole> changeRole(String organizationId, String userId, String role,
			MembershipChange change) {
		return Mono.fromCallable(() -> new OrganizationRole(organizationId, role))
			.flatMap((changed) -> locked(organizationId, userId, "owner".equals(role), change).flatMap((previous) -> {
				if (previous.equals(role)) {
					return Mono.just(false);
				}
				return this.roles.assignable(organizationId, role)
					.then(this.database
						.sql("UPDATE memberships SET role = :role WHERE organization_id = :org AND user_id = :user")
						.bind("role", role)
						.bind("org", organizationId)
						.bind("user", userId)
						.then())
					.thenReturn(true);
			})
				.as(this.transaction::transactional)
				.flatMap((changedRole) -> changedRole ? revokeTokens(organizationId, userId).thenReturn(changed)
						: Mono.just(changed)));
	}

	/**
	 * Ends a membership.
	 * @throws LastOwnerException (as the error) when the last owner would leave
	 * @throws MembershipNotFoundException (as the error) for a user who is not a member
	 */
	public Mono<Void> remove(String organizationId, String userId) {
		return remove(organizationId, userId, MembershipChange.NONE);
	}

	/**
	 * Ends a membership, once {@code change} has accepted (and recorded) it under the
	 * lock.
	 * @throws LastOwnerException (as the error) when the last owner would leave
	 * @throws MembershipNotFoundException (as the error) for a user who is not a member
	 */
	public Mono<Void> remove(String organizationId, String userId, MembershipChange change) {
		return locked(organizationId, userId, false, change)
			.then(this.database.sql("DELETE FROM memberships WHERE organization_id = :org AND user_id = :user")
				.bind("org", organizationId)
				.bind("user", userId)
				.then())
			.as(this.transaction::transactional)
			.then(Mono.defer(() -> revokeTokens(organizationId, userId)));
	}

	/**
	 * Locks the organization's memberships and answers the member's current role, once
	 * {@code change} has accepted it, refusing to go on if the member is the last owner
	 * and will not stay one.
	 */
	private Mono<String> locked(String organizationId, String userId, boolean staysOwner, MembershipChange change) {
		return this.database.sql(LOCK)
			.bind("org", organizationId)
			.map((row) -> List.of(row.get("user_id", String.class), row.get("role", String.class)))
			.all()
			.collectList()
			.flatMap((memberships) -> {
				String role = memberships.stream()
					.filter((membership) -> membership.get(0).equals(userId))
					.map((membership) -> membership.get(1))
					.findFirst()
					.orElse(null);
				if (role == null) {
					return Mono.error(new MembershipNotFoundException(organizationId, userId));
				}
				long owners = memberships.stream().filter((membership) -> "owner".equals(membership.get(1))).count();
				boolean lastOwnerLeaves = "owner".equals(role) && !staysOwner && owners == 1;
				return change.apply(role)
					.then(Mono.defer(() -> lastOwnerLeaves ? Mono.error(new LastOwnerException(organizationId))
							: Mono.just(role)));
			});
	}

	/**
	 * Ends every way the member's tokens speak for the organization: refresh-token
	 * families and live access tokens.
	 */
	Mono<Void> revokeTokens(String organizationId, String userId) {
		return this.tokens.revoke(userId, organizationId);
	}

}
