package dev.writ.resourceserver.autoconfigure;

import java.time.Clock;

import dev.writ.resourceserver.autoconfigure.WritResourceServerProperties.Revocation;
import dev.writ.resourceserver.jwt.IssuerMetadata;
import dev.writ.resourceserver.revocation.IntrospectionRevocationCheck;
import dev.writ.resourceserver.revocation.LocalRevocationCheck;
import dev.writ.resourceserver.revocation.RedisRevocationListener;
import dev.writ.resourceserver.revocation.RevocationCheck;
import dev.writ.resourceserver.revocation.RevocationList;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.web.reactive.function.client.WebClient;

/** The revocation check per {@code writ.resource-server.revocation.mode}. */
final class RevocationConfigurations {

	static final String MODE_PROPERTY = "writ.resource-server.revocation.mode";

	private RevocationConfigurations() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ReactiveRedisConnectionFactory.class)
	@ConditionalOnBean(ReactiveRedisConnectionFactory.class)
	@ConditionalOnProperty(name = MODE_PROPERTY, havingValue = "redis", matchIfMissing = true)
	static class Redis {

		@Bean
		@ConditionalOnMissingBean
		RevocationList writRevocationList(WritResourceServerProperties properties) {
			return new RevocationList(properties.clockSkew(), Clock.systemUTC());
		}

		@Bean
		@ConditionalOnMissingBean
		RedisRevocationListener writRevocationListener(ReactiveRedisConnectionFactory connectionFactory,
				RevocationList revocationList, WritResourceServerProperties properties) {
			return new RedisRevocationListener(connectionFactory, revocationList,
					WritResourceServerAutoConfiguration.heartbeatInterval(properties.revocation().maxStaleness()),
					Clock.systemUTC());
		}

		@Bean
		@ConditionalOnMissingBean
		RevocationCheck writRevocationCheck(RevocationList revocationList, RedisRevocationListener listener,
				WritResourceServerProperties properties) {
			Revocation revocation = properties.revocation();
			return new LocalRevocationCheck(revocationList, listener, revocation.failurePolicy(),
					revocation.maxStaleness(), Clock.systemUTC());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = MODE_PROPERTY, havingValue = "introspection")
	static class Introspection {

		@Bean
		@ConditionalOnMissingBean
		RevocationCheck writRevocationCheck(WritResourceServerProperties properties,
				ObjectProvider<IssuerMetadata> metadata, ObjectProvider<WebClient.Builder> webClientBuilders) {
			Revocation revocation = properties.revocation();
			String clientId = required("client-id", revocation.clientId());
			String clientSecret = required("client-secret", revocation.clientSecret());
			Mono<String> endpoint = (revocation.introspectionUri() != null) ? Mono.just(revocation.introspectionUri())
					: Mono.defer(() -> metadata.getObject().endpoint("introspection_endpoint"));
			return new IntrospectionRevocationCheck(endpoint,
					WritResourceServerAutoConfiguration.webClient(webClientBuilders), clientId, clientSecret,
					revocation.cacheTtl(), revocation.failurePolicy(), Clock.systemUTC());
		}

		private static String required(String name, String value) {
			if (value == null || value.isBlank()) {
				throw new InvalidConfigurationPropertyValueException("writ.resource-server.revocation." + name, value,
						"Introspection needs the client credentials this service authenticates with");
			}
			return value;
		}

	}

}
