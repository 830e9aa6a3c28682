package dev.writ.server.org;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A role in an organization: one of the {@link BuiltInRoles} every organization has, or
 * one the organization defined ({@link OrganizationRoles}).
 *
 * @param name the value of the {@code role} claim: lower case, a letter then 1 to 39
 * letters, digits, {@code _} or {@code -}
 * @param description what the role is for, as people read it; may be empty
 * @param permissions what a holder may do in the organization, in the order of
 * {@link Permissions#all()}
 * @param builtIn whether it is owner, admin or member, which nobody can change
 * @param createdAt when the organization defined it; {@code null} for a built-in role
 * @param updatedAt when it last changed; {@code null} for a built-in role
 */
public record Role(String name, String description, Set<String> permissions, boolean builtIn,
		@Nullable Instant createdAt, @Nullable Instant updatedAt) {

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{1,39}");

	public Role {
		Objects.requireNonNull(description, "description");
		if (!isName(name)) {
			throw new IllegalArgumentException("'" + name + "' is not a role name");
		}
		permissions = Collections.unmodifiableSet(new LinkedHashSet<>(permissions));
	}

	static Role builtIn(String name, String description, Set<String> permissions) {
		return new Role(name, description, permissions, true, null, null);
	}

	/**
	 * Whether {@code name} has the shape of a role name, built-in or not: what the schema
	 * also checks, so that a name is the same in a token, a URL and the audit log.
	 */
	public static boolean isName(@Nullable String name) {
		return name != null && NAME.matcher(name).matches();
	}

}
