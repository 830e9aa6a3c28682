package dev.writ.resourceserver.autoconfigure;

import java.util.List;
import java.util.Map;

import dev.writ.devstack.DevStack;
import dev.writ.resourceserver.RolePermissions;
import dev.writ.resourceserver.apitoken.ApiTokenAwareJwtDecoder;
import dev.writ.resourceserver.apitoken.ApiTokenIntrospector;
import dev.writ.resourceserver.jwt.IssuerMetadata;
import dev.writ.resourceserver.revocation.IntrospectionRevocationCheck;
import dev.writ.resourceserver.revocation.LocalRevocationCheck;
import dev.writ.resourceserver.revocation.RedisRevocationListener;
import dev.writ.resourceserver.revocation.RevocationCheck;
import dev.writ.resourceserver.revocation.RevocationList;
import dev.writ.resourceserver.web.WritAccessDeniedHandler;
import dev.writ.resourceserver.web.WritAuthenticationEntryPoint;
import dev.writ.resourceserver.web.WritResourceServerCustomizer;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.reactive.ReactiveOAuth2ResourceServerWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;

import static org.assertj.core.api.Assertions.assertThat;

/** One test per condition of the two auto-configurations. */
class WritResourceServerAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WritResourceServerAutoConfiguration.class,
				WritResourceServerWebSecurityAutoConfiguration.class,
				ReactiveOAuth2ResourceServerAutoConfiguration.class,
				ReactiveOAuth2ResourceServerWebSecurityAutoConfiguration.class,
				ReactiveWebSecurityAutoConfiguration.class, ReactiveUserDetailsServiceAutoConfiguration.class))
		.withPropertyValues("spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:1",
				"writ.resource-server.audience=https://api.example.test");

	@Test
	void whenIssuerAndAudienceSetThenStarterReplacesBootsResourceServer() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).getBean(ReactiveJwtDecoder.class).isInstanceOf(ApiTokenAwareJwtDecoder.class);
			// No introspection credentials: API tokens are refused.
			assertThat(context).doesNotHaveBean(ApiTokenIntrospector.class);
			assertThat(context).hasBean("writJwtDecoder").hasBean("writSecurityWebFilterChain");
			assertThat(context).doesNotHaveBean("reactiveJwtSecurityFilterChain");
			assertThat(context).doesNotHaveBean(ReactiveUserDetailsService.class);
			assertThat(context).hasSingleBean(IssuerMetadata.class).hasSingleBean(RoleHierarchy.class);
			assertThat(context).getBean(ServerAuthenticationEntryPoint.class)
				.isInstanceOf(WritAuthenticationEntryPoint.class);
			assertThat(context).getBean(ServerAccessDeniedHandler.class).isInstanceOf(WritAccessDeniedHandler.class);
			assertThat(context).hasSingleBean(WritResourceServerCustomizer.class);
			// No Redis connection factory: nothing to mirror.
			assertThat(context).doesNotHaveBean(RevocationCheck.class);
		});
	}

	@Test
	void whenAudienceMissingThenStartUpFailsNamingTheProperty() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WritResourceServerAutoConfiguration.class))
			.withPropertyValues("spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:1")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("writ.resource-server.audience"));
	}

	@Test
	void whenIssuerMissingThenStartUpFailsNamingTheProperty() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WritResourceServerAutoConfiguration.class))
			.withPropertyValues("writ.resource-server.audience=https://api.example.test")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("spring.security.oauth2.resourceserver.jwt.issuer-uri"));
	}

	@Test
	void whenHmacAlgorithmAllowedThenStartUpFails() {
		this.runner.withPropertyValues("writ.resource-server.algorithms=RS256,HS256")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("writ.resource-server.algorithms")
				.hasMessageContaining("HS256"));
	}

	@Test
	void whenAlgorithmNoneAllowedThenStartUpFails() {
		this.runner.withPropertyValues("writ.resource-server.algorithms=none")
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("none"));
	}

	@Test
	void whenApplicationDeclaresFilterChainThenStarterChainBacksOff() {
		this.runner.withUserConfiguration(OwnChain.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(SecurityWebFilterChain.class).hasBean("ownChain");
			assertThat(context).doesNotHaveBean("writSecurityWebFilterChain");
			assertThat(context).hasSingleBean(WritResourceServerCustomizer.class);
		});
	}

	@Test
	void whenApplicationDeclaresDecoderThenStarterDecoderBacksOff() {
		this.runner.withUserConfiguration(OwnDecoder.class).run((context) -> {
			assertThat(context).hasSingleBean(ReactiveJwtDecoder.class).hasBean("ownDecoder");
			assertThat(context).hasBean("writSecurityWebFilterChain");
		});
	}

	@Test
	void whenApplicationDeclaresEachBeanThenItsOwnAreUsed() {
		this.runner.withUserConfiguration(OwnBeans.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).getBean(ServerAuthenticationEntryPoint.class).isSameAs(OwnBeans.ENTRY_POINT);
			assertThat(context).getBean(ServerAccessDeniedHandler.class).isSameAs(OwnBeans.DENIED);
			assertThat(context).getBean(RoleHierarchy.class).isSameAs(OwnBeans.HIERARCHY);
			assertThat(context).getBean(RevocationCheck.class).isSameAs(OwnBeans.REVOCATION);
			assertThat(context).hasSingleBean(Converter.class).hasBean("ownConverter");
		});
	}

	@Test
	void whenRolePermissionsPropertySetThenMappingHasItOnTopOfDefaults() {
		this.runner.withPropertyValues("writ.resource-server.role-permissions.auditor=audit:read,projects:read")
			.run((context) -> {
				RolePermissions mapping = context.getBean(RolePermissions.class);
				assertThat(mapping.permissions("auditor")).containsExactly("audit:read", "projects:read");
				assertThat(mapping.permissions("owner")).isEqualTo(RolePermissions.defaults().permissions("owner"));
			});
	}

	@Test
	void whenApplicationDeclaresRolePermissionsThenItsOwnIsUsed() {
		RolePermissions own = RolePermissions.of(Map.of("auditor", List.of("audit:read")));
		this.runner.withBean(RolePermissions.class, () -> own)
			.run((context) -> assertThat(context).getBean(RolePermissions.class).isSameAs(own));
	}

	@Test
	void whenRedisConnectionFactoryPresentThenRevocationListMirrored() {
		this.runner
			.withConfiguration(
					AutoConfigurations.of(DataRedisAutoConfiguration.class, DataRedisReactiveAutoConfiguration.class))
			.withPropertyValues("spring.data.redis.url=" + DevStack.shared().redis().url())
			.run((context) -> {
				assertThat(context).hasSingleBean(RevocationList.class).hasSingleBean(RedisRevocationListener.class);
				assertThat(context).getBean(RevocationCheck.class).isInstanceOf(LocalRevocationCheck.class);
				assertThat(context.getBean(RedisRevocationListener.class).isRunning()).isTrue();
			});
	}

	@Test
	void whenRedisModeChosenWithoutConnectionFactoryThenStartUpFails() {
		this.runner.withPropertyValues("writ.resource-server.revocation.mode=redis")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("writ.resource-server.revocation.mode"));
	}

	@Test
	void whenModeNoneThenNoRevocationCheck() {
		this.runner
			.withConfiguration(
					AutoConfigurations.of(DataRedisAutoConfiguration.class, DataRedisReactiveAutoConfiguration.class))
			.withPropertyValues("writ.resource-server.revocation.mode=none")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(RedisRevocationListener.class)
					.doesNotHaveBean(RevocationCheck.class);
			});
	}

	@Test
	void whenIntrospectionModeThenIntrospectionCheck() {
		this.runner
			.withPropertyValues("writ.resource-server.revocation.mode=introspection",
					"writ.resource-server.revocation.client-id=api", "writ.resource-server.revocation.client-secret=s")
			.run((context) -> assertThat(context).getBean(RevocationCheck.class)
				.isInstanceOf(IntrospectionRevocationCheck.class));
	}

	@Test
	void whenApiTokenClientSetThenApiTokensIntrospected() {
		this.runner
			.withPropertyValues("writ.resource-server.api-tokens.client-id=api",
					"writ.resource-server.api-tokens.client-secret=secret")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(ApiTokenIntrospector.class);
				assertThat(context).getBean(ReactiveJwtDecoder.class).isInstanceOf(ApiTokenAwareJwtDecoder.class);
			});
	}

	@Test
	void whenApiTokenClientSetWithoutSecretThenStartUpFailsNamingTheProperty() {
		this.runner.withPropertyValues("writ.resource-server.api-tokens.client-id=api")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("writ.resource-server.api-tokens.client-secret"));
	}

	@Test
	void whenIntrospectionModeWithoutClientIdThenStartUpFailsNamingTheProperty() {
		this.runner.withPropertyValues("writ.resource-server.revocation.mode=introspection")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("writ.resource-server.revocation.client-id"));
	}

	@Test
	void whenApplicationEnablesMethodSecurityItselfThenBothCoexist() {
		this.runner.withUserConfiguration(OwnMethodSecurity.class).run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void whenNotAWebApplicationThenCoreOnly() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WritResourceServerAutoConfiguration.class,
					WritResourceServerWebSecurityAutoConfiguration.class))
			.withPropertyValues("spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:1",
					"writ.resource-server.audience=https://api.example.test")
			.run((context) -> {
				assertThat(context).hasSingleBean(ReactiveJwtDecoder.class);
				assertThat(context).doesNotHaveBean(SecurityWebFilterChain.class)
					.doesNotHaveBean(WritResourceServerCustomizer.class);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnChain {

		@Bean
		SecurityWebFilterChain ownChain(ServerHttpSecurity http, WritResourceServerCustomizer writ) {
			http.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll());
			writ.customize(http);
			return http.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnDecoder {

		@Bean
		ReactiveJwtDecoder ownDecoder() {
			return (token) -> Mono.error(new IllegalStateException("not used"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnBeans {

		static final ServerAuthenticationEntryPoint ENTRY_POINT = (exchange, ex) -> Mono.empty();

		static final ServerAccessDeniedHandler DENIED = (exchange, ex) -> Mono.empty();

		static final RoleHierarchy HIERARCHY = RoleHierarchyImpl.fromHierarchy("ROLE_A > ROLE_B");

		static final RevocationCheck REVOCATION = (token) -> Mono.empty();

		@Bean
		ServerAuthenticationEntryPoint entryPoint() {
			return ENTRY_POINT;
		}

		@Bean
		ServerAccessDeniedHandler deniedHandler() {
			return DENIED;
		}

		@Bean
		RoleHierarchy hierarchy() {
			return HIERARCHY;
		}

		@Bean
		RevocationCheck revocationCheck() {
			return REVOCATION;
		}

		@Bean
		Converter<Jwt, Mono<AbstractAuthenticationToken>> ownConverter() {
			return (jwt) -> Mono.just(new JwtAuthenticationToken(jwt));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableReactiveMethodSecurity
	static class OwnMethodSecurity {

	}

}
