package dev.writ.server.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Something that happened, as the audit log keeps it and as webhooks will deliver it: who
 * ({@link Actor}) did what ({@link #type}) to what ({@link Target}), in which
 * organization, from which address, and when.
 *
 * @param type what happened, lower case and dotted ({@code membership.role_changed}); the
 * types Writ publishes are in {@link DomainEventTypes}
 * @param organizationId the organization it happened in, whose admins may read it, or
 * {@code null} for what belongs to no organization
 * @param actor who did it
 * @param target what it was done to
 * @param ipAddress the address of the client whose request caused it (see
 * {@link ClientAddress}), or {@code null} when no request did
 * @param occurredAt when it happened
 * @param details what else a reader needs (a role before and after, a scope), as JSON
 * values: see {@link EventDetails#copyOf}; stored as a deep immutable copy
 */
public record DomainEvent(String type, @Nullable String organizationId, Actor actor, Target target,
		@Nullable String ipAddress, Instant occurredAt, Map<String, Object> details) {

	/**
	 * Dotted lower-case words, subject first: the names webhooks subscribe to, so they
	 * must stay stable.
	 */
	private static final Pattern TYPE = Pattern.compile("[a-z][a-z_]*(\\.[a-z][a-z_]*)+");

	public DomainEvent {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(actor, "actor");
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(occurredAt, "occurredAt");
		if (!TYPE.matcher(type).matches()) {
			throw new IllegalArgumentException("event type '" + type + "' is not dotted lower-case words");
		}
		details = EventDetails.copyOf(details);
	}

}
