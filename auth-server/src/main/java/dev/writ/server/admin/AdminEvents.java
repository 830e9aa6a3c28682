package dev.writ.server.admin;

import java.time.Clock;
import java.util.Map;

import dev.writ.server.event.ClientAddress;
import dev.writ.server.event.DomainEvent;
import dev.writ.server.event.DomainEvents;
import dev.writ.server.event.EventDetails;
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

	private final Clock clock;

	AdminEvents(DomainEvents events, Clock clock) {
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @param type one of {@code event.DomainEventTypes}
	 * @param organizationId the organization the change happened in, or {@code null}
	 * @param details JSON values only ({@code event.EventDetails})
	 */
	public Mono<Void> publish(AdminCaller caller, String type, @Nullable String organizationId, Target target,
			Map<String, ?> details) {
		return Mono
			.deferContextual((context) -> this.events.publish(new DomainEvent(type, organizationId, caller.actor(),
					target, ClientAddress.in(context), this.clock.instant(), EventDetails.copyOf(details))));
	}

}
