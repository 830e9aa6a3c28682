package dev.writ.server.session;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lifetimes and cookie of browser sessions. The defaults are Keycloak's (SSO Session Idle
 * 30 minutes, SSO Session Max 10 hours): a browser left alone for half an hour signs in
 * again, and nobody stays signed in past a working day.
 *
 * @param idleTimeToLive how long a session lives without a request; at least 2 minutes,
 * because the last-seen time is recorded at most once a minute, so a shorter idle time
 * would end sessions that are in use
 * @param absoluteTimeToLive how long a session lives from sign-in, however busy; at least
 * the idle time
 * @param cookieName the name of the session cookie; a {@code __Host-} prefix (RFC 6265bis
 * §4.1.3.2) is recommended in production and needs an https issuer
 */
@ConfigurationProperties("writ.session")
public record SessionProperties(@DefaultValue("30m") Duration idleTimeToLive,
		@DefaultValue("10h") Duration absoluteTimeToLive, @DefaultValue("writ_session") String cookieName) {

	/** The smallest idle time that the once-a-minute last-seen update leaves usable. */
	static final Duration MIN_IDLE_TIME_TO_LIVE = Duration.ofMinutes(2);

	public SessionProperties {
		if (idleTimeToLive.compareTo(MIN_IDLE_TIME_TO_LIVE) < 0) {
			throw new IllegalArgumentException("writ.session.idle-time-to-live must be at least 2m");
		}
		if (absoluteTimeToLive.compareTo(idleTimeToLive) < 0) {
			throw new IllegalArgumentException(
					"writ.session.absolute-time-to-live must not be shorter than writ.session.idle-time-to-live");
		}
		// RFC 6265 §4.1.1: a cookie name is an RFC 2616 token.
		if (cookieName.isEmpty() || !cookieName.chars().allMatch(SessionProperties::isTokenChar)) {
			throw new IllegalArgumentException(
					"writ.session.cookie-name must be a cookie token, but is '" + cookieName + "'");
		}
	}

	private static boolean isTokenChar(int c) {
		return c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
	}

}
