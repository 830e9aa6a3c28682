package dev.writ.server.org;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a role is to be, once every field has been checked.
 *
 * @param description the description, empty when none was given
 * @param permissions the permissions, in the order of {@link Permissions#all()}
 */
record RoleDefinition(String description, Set<String> permissions) {

	/** Enough to say what a role is for; a role is not a document. */
	static final int MAX_DESCRIPTION_LENGTH = 500;

	/**
	 * Checks every field and names every violation at once.
	 * @param name the new role's name, or {@code null} when the role exists already
	 * @throws InvalidRoleException naming what is wrong
	 */
	static RoleDefinition of(@Nullable String name, @Nullable String description,
			@Nullable Collection<String> permissions) {
		List<InvalidRoleException.Violation> violations = new ArrayList<>();
		if (name != null && !Role.isName(name)) {
			violations.add(new InvalidRoleException.Violation("name",
					"must be a lower-case letter followed by 1 to 39 lower-case letters, digits, '_' or '-'"));
		}
		String text = (description != null) ? description : "";
		if (text.length() > MAX_DESCRIPTION_LENGTH) {
			violations.add(new InvalidRoleException.Violation("description",
					"must be at most " + MAX_DESCRIPTION_LENGTH + " characters"));
		}
		Set<String> known = new LinkedHashSet<>();
		if (permissions == null) {
			violations.add(new InvalidRoleException.Violation("permissions", "must be given"));
		}
		else {
			Set<String> unknown = new LinkedHashSet<>();
			for (String permission : permissions) {
				if (permission == null || !Permissions.isKnown(permission)) {
					unknown.add(String.valueOf(permission));
				}
			}
			if (!unknown.isEmpty()) {
				violations.add(new InvalidRoleException.Violation("permissions",
						"unknown permission(s): " + String.join(", ", unknown)));
			}
			Permissions.all().stream().filter(permissions::contains).forEach(known::add);
		}
		if (!violations.isEmpty()) {
			throw new InvalidRoleException(violations);
		}
		return new RoleDefinition(text, known);
	}

}
