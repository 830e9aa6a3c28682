package dev.writ.server.token;

import java.time.Duration;

/**
 * Lifetimes of a refresh token family, decided per client and fixed when the family
 * starts: a token unused for {@code idleTimeToLive} expires (and with it the family,
 * since only the current token can continue it), and no token of the family outlives the
 * family's start plus {@code absoluteTimeToLive}, however often it is rotated.
 *
 * @param idleTimeToLive how long a token stays usable after it was issued
 * @param absoluteTimeToLive how long the family lives at most, from its start
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2">RFC 9700
 * §4.14.2</a>
 */
public record RefreshTokenPolicy(Duration idleTimeToLive, Duration absoluteTimeToLive) {

	public RefreshTokenPolicy {
		if (!isPositive(idleTimeToLive) || !isPositive(absoluteTimeToLive)) {
			throw new IllegalArgumentException("refresh token lifetimes must be positive");
		}
		if (idleTimeToLive.compareTo(absoluteTimeToLive) > 0) {
			throw new IllegalArgumentException("the idle lifetime of a refresh token must not exceed its absolute one");
		}
	}

	static boolean isPositive(Duration duration) {
		return duration != null && !duration.isNegative() && !duration.isZero();
	}

}
