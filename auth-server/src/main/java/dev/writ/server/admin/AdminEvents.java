package dev.writ.server.admin;

import java.util.Map;

import dev.writ.server.event.DomainEvents;
import dev.writ.server.event.Target;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Publishes the domain event of a change made through the admin API, with the caller as
 * its actor and the request's client address, so that it reaches the audit log. Publish
 * inside the transaction that makes the change where there is one: the change and its
 * record then commit together.
 */
@Component
public final class AdminEvents {

	private final DomainEvents events;

	AdminEvents(DomainEvents events) {
		this.events = events;
	}

	/**
	 * @param type one of {@code event.DomainEventTypes}
	 * @param organizationId the organization the change happened in, or {@code null}
	 * @param details JSON values only ({@code event.EventDetails})
	 */
	public Mono<Void> publish(AdminCaller caller, String type, @Nullable String organizationId, Target target,
			Map<String, ?> details) {
		return this.events.publish(type, organizationId, caller.actor(), target, details);
	}

}
