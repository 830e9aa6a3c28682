package dev.writ.server.admin;

import reactor.core.publisher.Mono;

/**
 * What {@link MembershipAdministration} runs inside a membership change, once the
 * organization's memberships are locked and the member's current role is known: it may
 * refuse the change (complete with an error) and records it (publishes its domain event),
 * in the change's transaction, so a refused change changes nothing and a made one commits
 * with its audit record.
 */
@FunctionalInterface
public interface MembershipChange {

	/** Nothing to check or record. */
	MembershipChange NONE = (currentRole) -> Mono.empty();

	Mono<Void> apply(String currentRole);

}
