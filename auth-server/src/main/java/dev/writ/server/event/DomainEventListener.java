package dev.writ.server.event;

import reactor.core.publisher.Mono;

/**
 * Receives every {@link DomainEvent} published through {@link DomainEvents}: implement it
 * as a bean, and give it an {@code @Order} if it must run before or after others.
 *
 * <p>
 * Contract: complete when the event is handled (written, queued), and error if it could
 * not be, which fails the publication and with it the request that caused it. A listener
 * that talks to the outside world (webhooks) should queue the event durably and complete,
 * rather than make the request wait for, or fail with, a third party.
 */
@FunctionalInterface
public interface DomainEventListener {

	Mono<Void> on(DomainEvent event);

}
