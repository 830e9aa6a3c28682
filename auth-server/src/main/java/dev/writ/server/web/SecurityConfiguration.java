package dev.writ.server.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * The protocol endpoints authenticate their callers themselves (client authentication per
 * RFC 6749 §2.3 and RFC 7523 happens inside the token, introspection and revocation
 * processors), so Spring Security's chain only contributes response headers here. Browser
 * pages get their own chain with sessions and CSRF when they arrive.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityWebFilterChain protocolEndpoints(ServerHttpSecurity http) {
		return http.authorizeExchange((exchange) -> exchange.anyExchange().permitAll())
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.securityContextRepository(
					org.springframework.security.web.server.context.NoOpServerSecurityContextRepository.getInstance())
			.build();
	}

}
