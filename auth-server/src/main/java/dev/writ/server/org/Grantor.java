package dev.writ.server.org;

import java.util.Objects;
import java.util.Set;

import dev.writ.server.event.Actor;

/**
 * Who defines, changes or deletes a role: the actor the audit log names, and the
 * permissions they hold in the organization, beyond which they can grant nothing.
 *
 * @param actor the user or client making the change
 * @param permissions what the actor may do in the organization: a member's role's
 * permissions, or {@link Permissions#all()} for the platform's operators
 */
public record Grantor(Actor actor, Set<String> permissions) {

	public Grantor {
		Objects.requireNonNull(actor, "actor");
		permissions = Set.copyOf(permissions);
	}

	/** An operator of the platform, who holds every permission in every organization. */
	public static Grantor platform(Actor actor) {
		return new Grantor(actor, Permissions.all());
	}

}
