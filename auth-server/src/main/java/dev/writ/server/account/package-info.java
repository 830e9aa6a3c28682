/**
 * User accounts and password sign-in.
 *
 * <p>
 * {@link dev.writ.server.account.Users} keeps accounts in PostgreSQL ({@code users}, an
 * email unique regardless of case); {@link dev.writ.server.account.PasswordHasher} hashes
 * passwords with Argon2id off the event loop;
 * {@link dev.writ.server.account.PasswordSignIn} checks an email and password behind the
 * brute-force limits of {@link dev.writ.server.account.SignInThrottle} (failed attempts
 * counted in Redis per account and per client address) and answers with a
 * {@link dev.writ.server.account.SignInResult} that never tells whether an account
 * exists. The password hash never leaves this package.
 */
@NullMarked
package dev.writ.server.account;

import org.jspecify.annotations.NullMarked;
