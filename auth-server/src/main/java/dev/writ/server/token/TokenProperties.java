package dev.writ.server.token;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access-token issuance settings.
 *
 * @param accessTokenTimeToLive lifetime of an access token when its client sets none;
 * short by default (as in Keycloak and Spring Authorization Server) because a
 * self-contained token cannot be recalled except through the revocation list
 * @param maxAccessTokenTimeToLive the longest lifetime any client may configure; signing
 * keys stay published for longer than this, so it bounds how long a retired key must
 * remain in the JWKS
 */
@ConfigurationProperties("writ.token")
public record TokenProperties(@DefaultValue("5m") Duration accessTokenTimeToLive,
		@DefaultValue("24h") Duration maxAccessTokenTimeToLive) {

	public TokenProperties {
		if (accessTokenTimeToLive.isNegative() || accessTokenTimeToLive.isZero()) {
			throw new IllegalArgumentException("writ.token.access-token-time-to-live must be positive");
		}
		if (accessTokenTimeToLive.compareTo(maxAccessTokenTimeToLive) > 0) {
			throw new IllegalArgumentException(
					"writ.token.access-token-time-to-live must not exceed writ.token.max-access-token-time-to-live");
		}
	}

	/** The lifetime a client asked for, within the cap. */
	public Duration lifetime(Duration requested) {
		return (requested.compareTo(this.maxAccessTokenTimeToLive) > 0) ? this.maxAccessTokenTimeToLive : requested;
	}

}
