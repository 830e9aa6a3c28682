package dev.writ.server.store;

import java.time.Duration;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;

import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the server behaves while Redis is away: commands fail at once (and the caller gets 503) instead of queueing
 * until a timeout, and reconnection is retried at least every second, so service resumes soon after Redis does,
 * without a restart.
 */
@Configuration(proxyBeanMethods = false)
class RedisClientConfiguration {

	private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(1);

	@Bean
	LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected() {
		return (options) -> options.autoReconnect(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
	}

	@Bean
	ClientResourcesBuilderCustomizer boundedReconnectDelay() {
		return (resources) -> resources
			.reconnectDelay(Delay.exponential(Duration.ofMillis(50), MAX_RECONNECT_DELAY, 2, java.util.concurrent.TimeUnit.MILLISECONDS));
	}

}
