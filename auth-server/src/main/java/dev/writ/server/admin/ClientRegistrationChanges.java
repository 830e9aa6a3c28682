package dev.writ.server.admin;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a change to a client's registration changes: the names of the settings that
 * differ, for the audit record, and whether it takes away something the client's tokens
 * already carry.
 */
final class ClientRegistrationChanges {

	private ClientRegistrationChanges() {
	}

	/**
	 * The names of the settings that differ, in the registration's order; lists compare
	 * as sets, since their order means nothing.
	 */
	static List<String> changed(ClientRegistration before, ClientRegistration after) {
		List<String> changed = new ArrayList<>();
		for (RecordComponent component : ClientRegistration.class.getRecordComponents()) {
			Object old = value(component, before);
			Object now = value(component, after);
			boolean same = (old instanceof List<?> oldList && now instanceof List<?> newList)
					? Set.copyOf(oldList).equals(Set.copyOf(newList)) : Objects.equals(old, now);
			if (!same) {
				changed.add(component.getName());
			}
		}
		return changed;
	}

	/**
	 * Whether the change takes away something the client's tokens carry or its grants may
	 * give: the organization or role, a scope, an audience or a grant type. Its live
	 * tokens must then not be honoured any longer, as a member's are not after a
	 * membership change.
	 */
	static boolean takesAway(ClientRegistration before, ClientRegistration after) {
		return !Objects.equals(before.organization(), after.organization())
				|| !Objects.equals(before.organizationRole(), after.organizationRole())
				|| !after.scopes().containsAll(before.scopes()) || !after.audiences().containsAll(before.audiences())
				|| !after.grantTypes().containsAll(before.grantTypes());
	}

	private static Object value(RecordComponent component, ClientRegistration registration) {
		try {
			return component.getAccessor().invoke(registration);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("a record accessor cannot fail", ex);
		}
	}

}
