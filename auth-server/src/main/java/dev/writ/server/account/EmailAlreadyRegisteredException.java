package dev.writ.server.account;

/**
 * An account with the same email address, ignoring case, already exists. The message does
 * not repeat the address, which is personal data and would end up in logs.
 */
public final class EmailAlreadyRegisteredException extends RuntimeException {

	EmailAlreadyRegisteredException(Throwable cause) {
		super("an account with this email address already exists", cause);
	}

}
