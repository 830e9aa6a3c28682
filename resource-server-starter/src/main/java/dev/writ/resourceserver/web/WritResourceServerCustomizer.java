package dev.writ.resourceserver.web;

import reactor.core.publisher.Mono;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;

/**
 * Makes a {@link ServerHttpSecurity} a Writ resource server: bearer tokens through the
 * starter's decoder and principal converter, RFC 6750 errors, no session, no CSRF (a
 * bearer token is not sent by the browser on its own), no login forms. The starter's own
 * chain uses it; an application that declares its own {@code SecurityWebFilterChain}
 * applies it so as not to lose any of that:
 *
 * <pre class="code">
 * &#64;Bean
 * SecurityWebFilterChain api(ServerHttpSecurity http, WritResourceServerCustomizer writ) {
 *     http.authorizeExchange((exchanges) -&gt; exchanges.anyExchange().authenticated());
 *     writ.customize(http);
 *     return http.build();
 * }
 * </pre>
 */
public final class WritResourceServerCustomizer implements Customizer<ServerHttpSecurity> {

	private final ReactiveJwtDecoder jwtDecoder;

	private final Converter<Jwt, ? extends Mono<? extends AbstractAuthenticationToken>> authenticationConverter;

	private final ServerAuthenticationEntryPoint entryPoint;

	private final ServerAccessDeniedHandler accessDeniedHandler;

	public WritResourceServerCustomizer(ReactiveJwtDecoder jwtDecoder,
			Converter<Jwt, ? extends Mono<? extends AbstractAuthenticationToken>> authenticationConverter,
			ServerAuthenticationEntryPoint entryPoint, ServerAccessDeniedHandler accessDeniedHandler) {
		this.jwtDecoder = jwtDecoder;
		this.authenticationConverter = authenticationConverter;
		this.entryPoint = entryPoint;
		this.accessDeniedHandler = accessDeniedHandler;
	}

	@Override
	public void customize(ServerHttpSecurity http) {
		// Spring rethrows "could not verify" failures as a 500 by default; the entry
		// point answers them as 503.
		ServerAuthenticationEntryPointFailureHandler failureHandler = new ServerAuthenticationEntryPointFailureHandler(
				this.entryPoint);
		failureHandler.setRethrowAuthenticationServiceException(false);
		http.oauth2ResourceServer((resourceServer) -> resourceServer
			.jwt((jwt) -> jwt.jwtDecoder(this.jwtDecoder).jwtAuthenticationConverter(this.authenticationConverter))
			.authenticationEntryPoint(this.entryPoint)
			.accessDeniedHandler(this.accessDeniedHandler)
			.authenticationFailureHandler(failureHandler))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(this.entryPoint)
				.accessDeniedHandler(this.accessDeniedHandler))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable);
	}

}
