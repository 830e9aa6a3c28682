package dev.writ.server.org;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Which organizations a user belongs to, and in which role.
 *
 * <p>
 * Contract: {@link #findByUserId} lists each of the user's organizations once, oldest
 * membership first (ties by organization id), so that "the user's first organization" is
 * the same on every call and every node; an unknown user has none. {@link #join} adds a
 * membership and never changes one: a user who already belongs to the organization keeps
 * the role they have.
 */
public interface Memberships {

	Flux<OrganizationRole> findByUserId(String userId);

	/** The user's role in one organization; empty when the user is not a member. */
	Mono<OrganizationRole> find(String userId, String organizationId);

	/** The organization's members with their accounts, oldest membership first. */
	Flux<Member> findMembers(String organizationId);

	/** One member of the organization with their account; empty for a non-member. */
	Mono<Member> findMember(String organizationId, String userId);

	/**
	 * Makes the user a member of the organization in {@code role}, unless they already
	 * are one, in which case their role stays what it is (neither raised nor lowered:
	 * changing a member's role is a decision of its own, not a side effect of joining).
	 * Answers the membership as it stands afterwards. Atomic, so two concurrent joins
	 * leave one membership. Runs in the caller's transaction, if any, and holds the role
	 * until it ends, so that the role cannot be deleted meanwhile
	 * ({@link OrganizationRoles#assignable}).
	 * @param role a built-in role or one the organization defined; any other is an
	 * {@link UnknownRoleException}
	 */
	Mono<OrganizationRole> join(String userId, String organizationId, String role);

}
