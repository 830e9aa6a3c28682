package dev.writ.resourceserver.autoconfigure;

import dev.writ.resourceserver.web.WritAccessDeniedHandler;
import dev.writ.resourceserver.web.WritAuthenticationEntryPoint;
import dev.writ.resourceserver.web.WritAuthorizeExchangeCustomizer;
import dev.writ.resourceserver.web.WritResourceServerCustomizer;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ConditionalOnDefaultReactiveWebSecurity;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.reactive.ReactiveOAuth2ResourceServerWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.annotation.AnnotationTemplateExpressionDefaults;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;

/**
 * Auto-configuration of a reactive application's web security as a Writ resource server:
 * RFC 6750 error responses, the {@link WritResourceServerCustomizer},
 * {@code @RequireScope}/{@code @RequireOrgRole}/{@code @RequirePermission} method
 * security, and a {@link SecurityWebFilterChain} that requires a valid access token for
 * every request. The chain backs off when the application declares its own;
 * {@link WritAuthorizeExchangeCustomizer} beans add route rules to it.
 */
@AutoConfiguration(before = { ReactiveOAuth2ResourceServerWebSecurityAutoConfiguration.class,
		ReactiveManagementWebSecurityAutoConfiguration.class, ReactiveWebSecurityAutoConfiguration.class,
		ReactiveUserDetailsServiceAutoConfiguration.class }, after = WritResourceServerAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({ ServerHttpSecurity.class, SecurityWebFilterChain.class })
@ConditionalOnBean(ReactiveJwtDecoder.class)
public final class WritResourceServerWebSecurityAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	static class ErrorResponseConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ServerAuthenticationEntryPoint writAuthenticationEntryPoint() {
			return new WritAuthenticationEntryPoint();
		}

		@Bean
		@ConditionalOnMissingBean
		ServerAccessDeniedHandler writAccessDeniedHandler() {
			return new WritAccessDeniedHandler();
		}

		@Bean
		@ConditionalOnMissingBean
		WritResourceServerCustomizer writResourceServerCustomizer(ReactiveJwtDecoder jwtDecoder,
				Converter<Jwt, Mono<AbstractAuthenticationToken>> authenticationConverter,
				ServerAuthenticationEntryPoint entryPoint, ServerAccessDeniedHandler accessDeniedHandler) {
			return new WritResourceServerCustomizer(jwtDecoder, authenticationConverter, entryPoint,
					accessDeniedHandler);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnDefaultReactiveWebSecurity
	static class SecurityWebFilterChainConfiguration {

		@Bean
		SecurityWebFilterChain writSecurityWebFilterChain(ServerHttpSecurity http, WritResourceServerCustomizer writ,
				ObjectProvider<WritAuthorizeExchangeCustomizer> rules) {
			http.authorizeExchange((exchanges) -> {
				rules.orderedStream().forEach((rule) -> rule.customize(exchanges));
				exchanges.anyExchange().authenticated();
			});
			writ.customize(http);
			return http.build();
		}

	}

	/**
	 * Turns on {@code @PreAuthorize} and its meta-annotations; the template defaults
	 * resolve the {@code {value}} placeholders of {@code @RequireScope} and
	 * {@code @RequireOrgRole}.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableReactiveMethodSecurity
	static class MethodSecurityConfiguration {

		@Bean
		@ConditionalOnMissingBean
		static AnnotationTemplateExpressionDefaults writAnnotationTemplateExpressionDefaults() {
			return new AnnotationTemplateExpressionDefaults();
		}

	}

}
