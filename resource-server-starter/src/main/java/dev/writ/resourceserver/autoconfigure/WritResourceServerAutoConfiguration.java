package dev.writ.resourceserver.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.writ.resourceserver.RolePermissions;
import dev.writ.resourceserver.apitoken.ApiTokenAwareJwtDecoder;
import dev.writ.resourceserver.apitoken.ApiTokenIntrospector;
import dev.writ.resourceserver.autoconfigure.WritResourceServerProperties.RevocationMode;
import dev.writ.resourceserver.jwt.AccessTokenValidators;
import dev.writ.resourceserver.jwt.IssuerMetadata;
import dev.writ.resourceserver.jwt.JwkSetCache;
import dev.writ.resourceserver.jwt.SignedJwtVerifier;
import dev.writ.resourceserver.jwt.WritJwtAuthenticationConverter;
import dev.writ.resourceserver.revocation.RevocationCheck;
import dev.writ.resourceserver.revocation.RevocationCheckingJwtDecoder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of the Writ resource server's core: the access-token decoder
 * (signature by the issuer's cached JWKS, algorithm allow-list, RFC 9068 claim checks),
 * the revocation check, and the conversion of a token into a
 * {@link dev.writ.resourceserver.WritPrincipal} with its authorities. It runs before
 * Spring Boot's resource-server auto-configuration, whose decoder then backs off.
 *
 * <p>
 * Every bean backs off when the application declares its own of the same type. Additional
 * {@code OAuth2TokenValidator<Jwt>} beans run after the starter's validators.
 */
@AutoConfiguration(
		before = { ReactiveOAuth2ResourceServerAutoConfiguration.class, ReactiveWebSecurityAutoConfiguration.class,
				ReactiveUserDetailsServiceAutoConfiguration.class },
		after = { DataRedisAutoConfiguration.class, DataRedisReactiveAutoConfiguration.class })
@ConditionalOnClass({ ReactiveJwtDecoder.class, Mono.class, WebClient.class })
@EnableConfigurationProperties({ WritResourceServerProperties.class, OAuth2ResourceServerProperties.class })
@Import({ RevocationConfigurations.Redis.class, RevocationConfigurations.Introspection.class })
public final class WritResourceServerAutoConfiguration {

	static final String ISSUER_URI_PROPERTY = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

	static final String API_TOKENS_CLIENT_ID_PROPERTY = "writ.resource-server.api-tokens.client-id";

	private static final Log logger = LogFactory.getLog(WritResourceServerAutoConfiguration.class);

	static WebClient webClient(ObjectProvider<WebClient.Builder> builders) {
		return builders.getIfAvailable(WebClient::builder).build();
	}

	static String issuer(OAuth2ResourceServerProperties properties) {
		String issuer = properties.getJwt().getIssuerUri();
		if (issuer == null || issuer.isBlank()) {
			throw new InvalidConfigurationPropertyValueException(ISSUER_URI_PROPERTY, issuer,
					"The Writ resource server needs the issuer of its access tokens, e.g. http://localhost:9000");
		}
		return issuer;
	}

	@Configuration(proxyBeanMethods = false)
	static class IssuerConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnProperty(ISSUER_URI_PROPERTY)
		IssuerMetadata writIssuerMetadata(OAuth2ResourceServerProperties properties,
				ObjectProvider<WebClient.Builder> webClientBuilders) {
			return new IssuerMetadata(issuer(properties), webClient(webClientBuilders));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(ReactiveJwtDecoder.class)
	static class JwtDecoderConfiguration {

		@Bean
		ReactiveJwtDecoder writJwtDecoder(WritResourceServerProperties properties,
				OAuth2ResourceServerProperties oauth2Properties, ObjectProvider<IssuerMetadata> metadata,
				ObjectProvider<OAuth2TokenValidator<Jwt>> additionalValidators,
				ObjectProvider<RevocationCheck> revocationCheck, ObjectProvider<ApiTokenIntrospector> apiTokens,
				ObjectProvider<WebClient.Builder> webClientBuilders) {
			String issuer = issuer(oauth2Properties);
			String audience = properties.audience();
			if (audience == null || audience.isBlank()) {
				throw new InvalidConfigurationPropertyValueException(WritResourceServerProperties.AUDIENCE_PROPERTY,
						audience, "Set it to this service's identifier as the authorization server puts it in the aud "
								+ "claim (e.g. https://api.example.com), so that tokens for other services are refused");
			}
			String jwkSetUri = oauth2Properties.getJwt().getJwkSetUri();
			Mono<String> jwkSetLocation = (jwkSetUri != null) ? Mono.just(jwkSetUri)
					: metadata.getObject().endpoint("jwks_uri");
			JwkSetCache keys = new JwkSetCache(jwkSetLocation, webClient(webClientBuilders), Clock.systemUTC());
			NimbusReactiveJwtDecoder decoder = new NimbusReactiveJwtDecoder(
					new SignedJwtVerifier(JwsAlgorithmsProperty.parse(properties.algorithms()), keys));
			List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
			validators.add(AccessTokenValidators.create(issuer, audience, properties.clockSkew()));
			additionalValidators.orderedStream().forEach(validators::add);
			decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
			RevocationCheck check = revocationCheck(properties, revocationCheck);
			ApiTokenIntrospector introspector = apiTokens.getIfAvailable();
			// Both kinds of token pass the same revocation check, by jti.
			return new ApiTokenAwareJwtDecoder(new RevocationCheckingJwtDecoder(decoder, check),
					(introspector != null) ? new RevocationCheckingJwtDecoder(introspector::introspect, check) : null);
		}

		private static RevocationCheck revocationCheck(WritResourceServerProperties properties,
				ObjectProvider<RevocationCheck> revocationCheck) {
			RevocationCheck check = revocationCheck.getIfAvailable();
			if (check != null) {
				return check;
			}
			RevocationMode mode = properties.revocation().mode();
			if (mode == RevocationMode.REDIS) {
				throw new InvalidConfigurationPropertyValueException("writ.resource-server.revocation.mode", "redis",
						"There is no ReactiveRedisConnectionFactory: configure spring.data.redis.* or choose "
								+ "introspection or none");
			}
			if (mode != RevocationMode.NONE) {
				logger.warn("No Redis connection and writ.resource-server.revocation.mode not set: revoked access "
						+ "tokens are accepted until they expire");
			}
			return (token) -> Mono.empty();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(API_TOKENS_CLIENT_ID_PROPERTY)
	static class ApiTokenConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ApiTokenIntrospector writApiTokenIntrospector(WritResourceServerProperties properties,
				ObjectProvider<IssuerMetadata> metadata, ObjectProvider<WebClient.Builder> webClientBuilders) {
			WritResourceServerProperties.ApiTokens apiTokens = properties.apiTokens();
			String clientId = apiTokens.clientId();
			String clientSecret = apiTokens.clientSecret();
			if (clientId == null || clientSecret == null || clientSecret.isBlank()) {
				throw new InvalidConfigurationPropertyValueException("writ.resource-server.api-tokens.client-secret",
						clientSecret, "API tokens are introspected with the client credentials this service has");
			}
			Mono<String> endpoint = (apiTokens.introspectionUri() != null) ? Mono.just(apiTokens.introspectionUri())
					: Mono.defer(() -> metadata.getObject().endpoint("introspection_endpoint"));
			return new ApiTokenIntrospector(endpoint, webClient(webClientBuilders), clientId, clientSecret,
					apiTokens.cacheTtl(), Clock.systemUTC());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AuthenticationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RoleHierarchy writRoleHierarchy() {
			return WritJwtAuthenticationConverter.orgRoleHierarchy();
		}

		@Bean
		@ConditionalOnMissingBean
		RolePermissions writRolePermissions(WritResourceServerProperties properties) {
			Map<String, List<String>> overrides = properties.rolePermissions();
			return (overrides != null) ? RolePermissions.defaults().with(overrides) : RolePermissions.defaults();
		}

		@Bean
		@ConditionalOnMissingBean
		Converter<Jwt, Mono<AbstractAuthenticationToken>> writJwtAuthenticationConverter(RoleHierarchy roleHierarchy,
				RolePermissions rolePermissions) {
			return new WritJwtAuthenticationConverter(roleHierarchy, rolePermissions);
		}

	}

	/**
	 * Fails start-up instead of leaving a servlet application with Boot's plain JWT
	 * checks.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class ServletApplicationConfiguration {

		ServletApplicationConfiguration() {
			throw new IllegalStateException("The Writ resource-server starter supports reactive (WebFlux) "
					+ "applications only; servlet (Spring MVC) applications are not supported yet");
		}

	}

	static Duration heartbeatInterval(Duration maxStaleness) {
		Duration interval = maxStaleness.dividedBy(3);
		if (interval.compareTo(Duration.ofMillis(100)) < 0) {
			return Duration.ofMillis(100);
		}
		return (interval.compareTo(Duration.ofSeconds(10)) > 0) ? Duration.ofSeconds(10) : interval;
	}

}
