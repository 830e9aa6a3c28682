package dev.writ.server.token;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Refresh-token lifetimes for clients that set none of their own.
 *
 * @param idleTimeToLive how long a refresh token stays usable unused; two weeks by
 * default, so that an app opened every week or so keeps its user signed in, while a token
 * forgotten on an abandoned device dies on its own
 * @param absoluteTimeToLive how long a family lives however often it is refreshed; 30
 * days by default (Auth0's default absolute lifetime of rotating refresh tokens), after
 * which the user signs in again, so that a stolen family cannot be kept alive for ever
 * @see RefreshTokenPolicy
 */
@ConfigurationProperties("writ.refresh-token")
public record RefreshTokenProperties(@DefaultValue("14d") Duration idleTimeToLive,
		@DefaultValue("30d") Duration absoluteTimeToLive) {

	public RefreshTokenProperties {
		if (!RefreshTokenPolicy.isPositive(idleTimeToLive)) {
			throw new IllegalArgumentException("writ.refresh-token.idle-time-to-live must be positive");
		}
		if (!RefreshTokenPolicy.isPositive(absoluteTimeToLive)) {
			throw new IllegalArgumentException("writ.refresh-token.absolute-time-to-live must be positive");
		}
		if (idleTimeToLive.compareTo(absoluteTimeToLive) > 0) {
			throw new IllegalArgumentException(
					"writ.refresh-token.idle-time-to-live must not exceed writ.refresh-token.absolute-time-to-live");
		}
	}

	/** The policy of a client that configures no lifetimes of its own. */
	public RefreshTokenPolicy defaultPolicy() {
		return new RefreshTokenPolicy(this.idleTimeToLive, this.absoluteTimeToLive);
	}

}
