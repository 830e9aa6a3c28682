package dev.writ.server.org;

import reactor.core.publisher.Flux;

/**
 * Which organizations a user belongs to, and in which role.
 *
 * <p>
 * Contract: {@link #findByUserId} lists each of the user's organizations once, oldest
 * membership first (ties by organization id), so that "the user's first organization" is
 * the same on every call and every node; an unknown user has none.
 */
public interface Memberships {

	Flux<OrganizationRole> findByUserId(String userId);

}
