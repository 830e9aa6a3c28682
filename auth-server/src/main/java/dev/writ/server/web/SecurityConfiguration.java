package dev.writ.server.web;

import dev.writ.server.WritProperties;
import dev.writ.server.admin.AdminApi;
import dev.writ.server.protocol.OAuth2Exception;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.StaticServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.WebFilter;

import reactor.core.publisher.Mono;

/**
 * Three chains. The browser chain covers the pages and the account API, which a browser
 * reaches with its session cookie: CSRF protection and nothing else, since the handlers
 * read the session themselves ({@code session.CurrentSession}) from Redis rather than
 * from Spring Security's context, which would live in one node's memory. The admin API
 * chain covers {@code /admin/api/**}, whose callers send a bearer access token that
 * {@code admin.AdminAuthentication} checks, so there is no cookie to forge a request with
 * and no CSRF protection to add; it marks its requests so that every error is an RFC 9457
 * problem. The protocol chain covers the rest, whose callers authenticate inside the
 * processors (client authentication per RFC 6749 §2.3 and RFC 7523). All send the same
 * security headers.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** The authorization endpoint (RFC 6749 §3.1). */
	static final String AUTHORIZATION_PATH = "/oauth2/authorize";

	/** The end-session endpoint (OIDC RP-Initiated Logout 1.0 §2). */
	static final String END_SESSION_PATH = "/connect/logout";

	/** The paths a browser reaches with its cookies. */
	static final String[] BROWSER_PATHS = { "/login", "/logout", "/consent", "/account/**", END_SESSION_PATH,
			"/assets/**", AUTHORIZATION_PATH, "/invitations/**" };

	/** The admin REST API: bearer tokens only, answers and errors in JSON. */
	static final String ADMIN_API_PATHS = AdminApi.PATH + "/**";

	/**
	 * Nothing but the server's own styles, images and form targets, and no framing. Pages
	 * whose form posts redirect to a client replace it (Chrome applies
	 * {@code form-action} to that redirect); the header writers leave a policy a handler
	 * set alone.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
			+ "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

	/** RFC 6797 §6.1: a year, the usual value, and what HSTS preload lists ask for. */
	private static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000 ; includeSubDomains";

	private final boolean https;

	SecurityConfiguration(WritProperties properties) {
		this.https = "https".equals(properties.issuer().getScheme());
	}

	@Bean
	@Order(1)
	SecurityWebFilterChain browserPages(ServerHttpSecurity http) {
		return permitAllWithHeaders(http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(BROWSER_PATHS)))
			.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokenRepository())
				.csrfTokenRequestHandler(new BrowserCsrfTokenRequestHandler())
				.requireCsrfProtectionMatcher(csrfProtected())
				.accessDeniedHandler((exchange, denied) -> Mono
					.error(OAuth2Exception.accessDenied("CSRF token missing or invalid"))))
			.addFilterAfter(csrfCookie(), SecurityWebFiltersOrder.CSRF)
			.build();
	}

	@Bean
	@Order(2)
	SecurityWebFilterChain adminApi(ServerHttpSecurity http) {
		return permitAllWithHeaders(http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(ADMIN_API_PATHS)))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.addFilterAt(ErrorResponses.problemDetails(), SecurityWebFiltersOrder.FIRST)
			.build();
	}

	@Bean
	@Order(3)
	SecurityWebFilterChain protocolEndpoints(ServerHttpSecurity http) {
		return permitAllWithHeaders(http).csrf(ServerHttpSecurity.CsrfSpec::disable).build();
	}

	/**
	 * What both chains share: the handlers decide who may do what, nothing is kept in
	 * Spring Security's context, and every response gets the security headers.
	 */
	private ServerHttpSecurity permitAllWithHeaders(ServerHttpSecurity http) {
		return http.authorizeExchange((exchange) -> exchange.anyExchange().permitAll())
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.headers(securityHeaders());
	}

	/**
	 * The token lives in a cookie that the page's own scripts may read, so it survives on
	 * any node with nothing stored server-side; it is {@code Secure} under an https
	 * issuer even when TLS ends at a proxy.
	 */
	private CookieServerCsrfTokenRepository csrfTokenRepository() {
		CookieServerCsrfTokenRepository repository = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
		repository.setCookieCustomizer((cookie) -> cookie.secure(this.https).sameSite("Lax"));
		return repository;
	}

	/**
	 * Every unsafe method, except at the two endpoints a client's (cross-site) page may
	 * POST to: the authorization endpoint (OIDC Core §3.1.2.1), whose requests are
	 * protected by {@code state} and PKCE instead, and the end-session endpoint (OIDC
	 * RP-Initiated Logout §2), which only asks the user to confirm, on a form that is
	 * protected.
	 */
	private static ServerWebExchangeMatcher csrfProtected() {
		return new AndServerWebExchangeMatcher(CsrfWebFilter.DEFAULT_CSRF_MATCHER, new NegatedServerWebExchangeMatcher(
				ServerWebExchangeMatchers.pathMatchers(AUTHORIZATION_PATH, END_SESSION_PATH)));
	}

	/**
	 * Spring Security creates the token lazily, when a page reads it; reading it on every
	 * browser request makes sure the cookie is there for the first form or script.
	 */
	private static WebFilter csrfCookie() {
		return (exchange, chain) -> {
			Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
			return (token != null) ? token.then(Mono.defer(() -> chain.filter(exchange))) : chain.filter(exchange);
		};
	}

	private Customizer<ServerHttpSecurity.HeaderSpec> securityHeaders() {
		return (headers) -> {
			headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				.frameOptions((frames) -> frames.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
				// Spring's writer looks at the request's scheme, which is http behind a
				// TLS-terminating proxy; the issuer says how browsers reach the server,
				// and
				// browsers ignore the header over http anyway (RFC 6797 §8.1).
				.hsts(ServerHttpSecurity.HeaderSpec.HstsSpec::disable);
			if (this.https) {
				headers.writer(StaticServerHttpHeadersWriter.builder()
					.header("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY)
					.build());
			}
		};
	}

}
