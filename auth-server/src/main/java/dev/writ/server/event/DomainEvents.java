package dev.writ.server.event;

import java.util.List;

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

	/**
	 * @param listeners every listener, in the order they are called; Spring passes the
	 * beans sorted by their {@code @Order}
	 */
	public DomainEvents(List<DomainEventListener> listeners) {
		this.listeners = List.copyOf(listeners);
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
