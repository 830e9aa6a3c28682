package dev.writ.server.account;

import java.time.Duration;

/**
 * The outcome of a password sign-in. There is one refusal for every reason (unknown
 * address, wrong password, disabled account, no password), so nothing a caller shows can
 * tell whether an account exists.
 */
public sealed interface SignInResult {

	/** The password was right and the account may sign in. */
	record SignedIn(User user) implements SignInResult {

	}

	/**
	 * The sign-in failed, for a reason deliberately left unsaid; it counts towards the
	 * throttle.
	 */
	record Refused() implements SignInResult {

	}

	/**
	 * Too many failed sign-ins for the account or from the address: the password was not
	 * checked. A page answers 429 with {@code Retry-After} (RFC 6585 §4, RFC 9110
	 * §10.2.3).
	 *
	 * @param retryAfter how long until the counting window that blocks ends; positive
	 */
	record Throttled(Duration retryAfter) implements SignInResult {

		public Throttled {
			if (retryAfter.isNegative() || retryAfter.isZero()) {
				throw new IllegalArgumentException("retryAfter must be positive");
			}
		}

	}

}
