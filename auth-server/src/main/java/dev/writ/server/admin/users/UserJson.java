package dev.writ.server.admin.users;

import java.time.Instant;

import dev.writ.server.account.User;
import org.jspecify.annotations.Nullable;

/**
 * A user account as a platform operator sees it; never its password hash.
 *
 * @param id the user's id, the {@code sub} of their tokens
 * @param email their address, as they entered it
 * @param emailVerified whether they proved to control it
 * @param name their display name, or {@code null}
 * @param disabled whether they are disabled: they cannot sign in, and hold no live
 * session or token
 * @param createdAt when the account was created
 */
record UserJson(String id, String email, boolean emailVerified, @Nullable String name, boolean disabled,
		Instant createdAt) {

	static UserJson of(User user) {
		return new UserJson(user.id(), user.email(), user.emailVerified(), user.name(), user.disabled(),
				user.createdAt());
	}

}
