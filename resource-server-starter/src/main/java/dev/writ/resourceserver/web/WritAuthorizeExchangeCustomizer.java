package dev.writ.resourceserver.web;

import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;

/**
 * Adds route rules to the starter's security chain without replacing the chain. The
 * starter applies every such bean in order and then requires authentication for anything
 * they did not match:
 *
 * <pre class="code">
 * &#64;Bean
 * WritAuthorizeExchangeCustomizer projectRules() {
 *     return (exchanges) -&gt; exchanges
 *         .pathMatchers(HttpMethod.GET, "/projects/**").access(WritAuthorization.scope("read:projects"))
 *         .pathMatchers("/health").permitAll();
 * }
 * </pre>
 */
@FunctionalInterface
public interface WritAuthorizeExchangeCustomizer {

	void customize(AuthorizeExchangeSpec exchanges);

}
