package dev.writ.server.org;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.writ.server.event.DomainEventTypes;
import dev.writ.server.event.DomainEvents;
import dev.writ.server.event.Target;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The domain events of {@link OrganizationRoles}, with the details
 * {@link DomainEventTypes} promises for each, from the address of the request being
 * served.
 */
@Component
final class RoleEvents {

	private final DomainEvents events;

	RoleEvents(DomainEvents events) {
		this.events = events;
	}

	Mono<Void> created(String organizationId, Role role, Grantor grantor) {
		return publish(DomainEventTypes.ROLE_CREATED, organizationId, role, grantor,
				Map.of("description", role.description(), "permissions", List.copyOf(role.permissions())));
	}

	Mono<Void> updated(String organizationId, Role before, Role after, Grantor grantor) {
		Set<String> added = new LinkedHashSet<>(after.permissions());
		added.removeAll(before.permissions());
		Set<String> removed = new LinkedHashSet<>(before.permissions());
		removed.removeAll(after.permissions());
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("description", after.description());
		details.put("permissions", List.copyOf(after.permissions()));
		details.put("added", List.copyOf(added));
		details.put("removed", List.copyOf(removed));
		return publish(DomainEventTypes.ROLE_UPDATED, organizationId, after, grantor, details);
	}

	Mono<Void> deleted(String organizationId, Role role, Grantor grantor) {
		return publish(DomainEventTypes.ROLE_DELETED, organizationId, role, grantor,
				Map.of("permissions", List.copyOf(role.permissions())));
	}

	private Mono<Void> publish(String type, String organizationId, Role role, Grantor grantor,
			Map<String, Object> details) {
		return this.events.publish(type, organizationId, grantor.actor(), new Target(Target.ROLE, role.name()),
				details);
	}

}
