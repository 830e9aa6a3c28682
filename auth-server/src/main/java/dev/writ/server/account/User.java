package dev.writ.server.account;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A person with an account. The password hash is not part of it: it leaves the store only
 * for the one check that needs it.
 *
 * @param id the stable identifier, {@code usr_...}; the {@code sub} of the user's tokens
 * @param email the address as the user entered it; unique regardless of case
 * @param emailVerified whether the user proved to control the address (the OpenID Connect
 * {@code email_verified} claim)
 * @param name the display name, or {@code null}
 * @param disabled a disabled user cannot sign in
 * @param createdAt when the account was created
 */
public record User(String id, String email, boolean emailVerified, @Nullable String name, boolean disabled,
		Instant createdAt) {

}
