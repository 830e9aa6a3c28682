package dev.writ.server.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Brute-force protection of password sign-in: failed attempts are counted in Redis, so
 * every node shares the counts, in fixed windows per account and per client address.
 *
 * @param maxFailuresPerAccount Failed sign-ins one account (known or not) may take in one
 * window; the next attempt is refused without checking the password until the window
 * ends. Five leave a person who mistypes room to retry, and hold an online guesser to a
 * few thousand guesses a day.
 * @param maxFailuresPerIp Failed sign-ins one client address may make in one window,
 * across all accounts, which stops one machine from trying one common password on many
 * accounts. Higher than the per-account limit, since many people may share an address
 * behind a NAT.
 * @param window The length of a counting window; the longest a throttled caller waits.
 */
@ConfigurationProperties("writ.sign-in")
public record SignInProperties(@DefaultValue("5") int maxFailuresPerAccount, @DefaultValue("20") int maxFailuresPerIp,
		@DefaultValue("1m") Duration window) {

	public SignInProperties {
		if (maxFailuresPerAccount < 1) {
			throw new IllegalArgumentException("writ.sign-in.max-failures-per-account must be at least 1");
		}
		if (maxFailuresPerIp < 1) {
			throw new IllegalArgumentException("writ.sign-in.max-failures-per-ip must be at least 1");
		}
		if (window.toMillis() < 1000) {
			throw new IllegalArgumentException("writ.sign-in.window must be at least 1s");
		}
	}

}
