package dev.writ.server.account;

import org.jspecify.annotations.Nullable;

import reactor.core.publisher.Mono;

/**
 * Where user accounts are kept.
 *
 * <p>
 * Contract: the finders complete empty for an unknown user, never with an error. Email
 * addresses are compared regardless of case: {@link #findByEmail} finds
 * {@code alice@acme.test} when asked for {@code Alice@ACME.test}, and {@link #create}
 * refuses a second account whose address differs from an existing one only in case.
 */
public interface Users {

	Mono<User> findById(String id);

	/** The user whose address equals {@code email} ignoring case, or empty. */
	Mono<User> findByEmail(String email);

	/**
	 * Creates an account, not yet verified and not disabled, with a new {@code usr_} id
	 * and the Argon2id hash of {@code password} (computed off the event loop). Fails with
	 * {@link EmailAlreadyRegisteredException} when the address is taken, and with
	 * {@link IllegalArgumentException} for a blank address or an empty password.
	 * @param email the address, stored as given without surrounding white space
	 * @param name the display name, or {@code null}
	 */
	Mono<User> create(String email, @Nullable String name, String password);

	/**
	 * Disables or enables an account; empty for an unknown user. Atomic: of two calls at
	 * once, exactly one reports the change. Runs in the caller's transaction, if any.
	 * Ending what keeps a disabled user signed in is the caller's business.
	 */
	Mono<UserStatusChange> setDisabled(String id, boolean disabled);

}
