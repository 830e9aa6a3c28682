package dev.writ.server.apitoken;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API-token settings.
 *
 * @param defaultMaxLifetime the longest lifetime a token may be created with in an
 * organization that has no policy of its own (a row in {@code api_token_policies}); 90
 * days, as GitHub suggests for fine-grained tokens, so that a leaked secret does not stay
 * useful for ever
 * @param lastUseFlushInterval how often each node copies last-use times from Redis to
 * PostgreSQL; 30 seconds, so that with the starter's default 30-second introspection
 * cache the recorded time is at most a minute stale while the database sees one write per
 * token per interval, not one per request
 */
@ConfigurationProperties("writ.api-tokens")
public record ApiTokenProperties(@DefaultValue("90d") Duration defaultMaxLifetime,
		@DefaultValue("30s") Duration lastUseFlushInterval) {

	public ApiTokenProperties {
		if (defaultMaxLifetime.isNegative() || defaultMaxLifetime.isZero()) {
			throw new IllegalArgumentException("writ.api-tokens.default-max-lifetime must be positive");
		}
		if (lastUseFlushInterval.isNegative() || lastUseFlushInterval.isZero()) {
			throw new IllegalArgumentException("writ.api-tokens.last-use-flush-interval must be positive");
		}
	}

}
