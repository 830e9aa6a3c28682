package dev.writ.server.event;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one place domain events are published: code that changes something calls
 * {@link #publish} once, and whatever must know (the audit log, webhooks) listens, so
 * protocol and admin code never call the audit log or webhooks themselves.
 *
 * <p>
 * Publishing completes only when every listener has handled the event, so the audit
 * record of a change is written before the request that made it answers. A listener's
 * error fails the publication, and with it that request: an unaudited change must not
 * look successful, and its caller (an admin, a client) learns it should try again. To
 * make the change and its record one unit, publish inside the transaction that makes the
 * change: the audit log writes through the same R2DBC connection factory, so its insert
 * joins that transaction and commits or rolls back with it.
 */
@Component
public final class DomainEvents {

	private final List<DomainEventListener> listeners;

	private final Clock clock;

	/**
	 * @param listeners every listener, in the order they are called; Spring passes the
	 * beans sorted by their {@code @Order}
	 * @param clock what {@link #publish(String, String, Actor, Target, Map)} dates events
	 * by
	 */
	public DomainEvents(List<DomainEventListener> listeners, Clock clock) {
		this.listeners = List.copyOf(listeners);
		this.clock = clock;
	}

	/**
	 * Publishes what {@code actor} just did on the request being served: dated now, from
	 * the client address the request's Reactor context carries ({@link ClientAddress}).
	 * @param details JSON values only (see {@link EventDetails#copyOf})
	 */
	public Mono<Void> publish(String type, @Nullable String organizationId, Actor actor, Target target,
			Map<String, ?> details) {
		return Mono.deferContextual((context) -> publish(new DomainEvent(type, organizationId, actor, target,
				ClientAddress.in(context), this.clock.instant(), EventDetails.copyOf(details))));
	}

	/**
	 * Hands {@code event} to each listener in turn, the next one once the previous one
	 * has completed, and completes when the last has. The first error stops there and is
	 * this publication's error, so a listener ordered after the audit log never acts on
	 * an event that was not recorded.
	 */
	public Mono<Void> publish(DomainEvent event) {
		return Flux.fromIterable(this.listeners).concatMap((listener) -> Mono.defer(() -> listener.on(event))).then();
	}

}
