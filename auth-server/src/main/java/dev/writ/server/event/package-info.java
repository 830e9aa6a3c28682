/**
 * Domain events: what happened to an organization's members, invitations, API tokens and
 * clients, and to a user's tokens, published once from the place that made it happen.
 *
 * <p>
 * Code that changes something builds a {@link dev.writ.server.event.DomainEvent} (type,
 * organization, actor, target, client address, time, details) and hands it to
 * {@link dev.writ.server.event.DomainEvents#publish}, which passes it to every
 * {@link dev.writ.server.event.DomainEventListener} in their {@code @Order} and completes
 * only when all of them have: the audit log ({@code dev.writ.server.audit}) subscribes,
 * and so will webhooks. Nothing else calls those subscribers, so an event is recorded
 * once, however many places could have recorded it. This package depends on no other Writ
 * package; every package that publishes depends on it.
 */
@NullMarked
package dev.writ.server.event;

import org.jspecify.annotations.NullMarked;
