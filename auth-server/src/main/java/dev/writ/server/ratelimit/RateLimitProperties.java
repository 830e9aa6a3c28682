package dev.writ.server.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits of sensitive endpoints, counted in Redis so that every node shares them.
 *
 * @param tokenRequestsPerClient token requests one client may make in one window;
 * generous by default, since a well-behaved machine client caches its token, while a
 * leaked secret used in a loop is stopped
 * @param window the length of a counting window
 */
@ConfigurationProperties("writ.rate-limit")
public record RateLimitProperties(@DefaultValue("6000") int tokenRequestsPerClient,
		@DefaultValue("1m") Duration window) {

	public RateLimitProperties {
		if (tokenRequestsPerClient < 1) {
			throw new IllegalArgumentException("writ.rate-limit.token-requests-per-client must be at least 1");
		}
		if (window.toMillis() < 1000) {
			throw new IllegalArgumentException("writ.rate-limit.window must be at least 1s");
		}
	}

}
