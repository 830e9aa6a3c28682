package dev.writ.server.account;

import org.jspecify.annotations.Nullable;

/**
 * A user with the hash their password is checked against; it stays inside this package.
 *
 * @param user the account
 * @param passwordHash {@code {argon2}...} or {@code {bcrypt}...}, or {@code null} for an
 * account without a password
 */
record UserCredentials(User user, @Nullable String passwordHash) {

}
