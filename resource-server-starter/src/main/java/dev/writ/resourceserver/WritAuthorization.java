package dev.writ.resourceserver;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.server.authorization.AuthorizationContext;

/**
 * Authorization rules for Writ access tokens, usable per route and per method:
 *
 * <pre class="code">
 * exchanges.pathMatchers(HttpMethod.GET, "/projects/**").access(WritAuthorization.scope("read:projects"));
 *
 * &#64;RequireScope("read:projects")
 * Flux&lt;Project&gt; projects(...)
 * </pre>
 *
 * A denial names what was missing, so the 403 response can tell the client which scope to
 * ask for.
 *
 * @see RequireScope
 * @see RequireOrgRole
 * @see RequirePermission
 */
public final class WritAuthorization {

	private WritAuthorization() {
	}

	/**
	 * Grants when the token's {@code scope} claim contains {@code scope} (authority
	 * {@code SCOPE_<scope>}).
	 */
	public static <T> ReactiveAuthorizationManager<T> scope(String scope) {
		String authority = "SCOPE_" + scope;
		return rule(scope, "this request needs the scope " + scope,
				(authentication) -> hasAuthority(authentication, authority));
	}

	/**
	 * Grants when the caller's organization role is {@code role} or a higher one
	 * ({@code owner} > {@code admin} > {@code member}).
	 */
	public static <T> ReactiveAuthorizationManager<T> orgRole(OrgRole role) {
		return rule(null, "this request needs the organization role " + role.claimValue() + " or higher",
				(authentication) -> hasRole(authentication, role));
	}

	/**
	 * Grants when the caller holds {@code permission} in the token's organization: by its
	 * role's mapping ({@link RolePermissions}) or the token's {@code permissions} claim
	 * (authority {@code PERMISSION_<permission>}).
	 */
	public static <T> ReactiveAuthorizationManager<T> permission(String permission) {
		String authority = WritPermission.authority(permission);
		return rule(null, "this request needs the organization permission " + permission,
				(authentication) -> (authentication.getPrincipal() instanceof WritPrincipal principal)
						? principal.hasPermission(permission) : hasAuthority(authentication, authority));
	}

	/**
	 * Grants when the token has {@code scope} and the caller's organization role is
	 * {@code role} or higher. The scope is checked first, so a token without it is told
	 * which scope to ask for. An empty {@code scope} requires none (the default of
	 * {@link RequireOrgRole#scope()}).
	 */
	public static <T> ReactiveAuthorizationManager<T> scopeAndOrgRole(String scope, OrgRole role) {
		return scope.isEmpty() ? orgRole(role) : allOf(scope(scope), orgRole(role));
	}

	/**
	 * Grants when the token has {@code scope} and the caller holds {@code permission};
	 * the scope is checked first. An empty {@code scope} requires none (the default of
	 * {@link RequirePermission#scope()}).
	 */
	public static <T> ReactiveAuthorizationManager<T> scopeAndPermission(String scope, String permission) {
		return scope.isEmpty() ? permission(permission) : allOf(scope(scope), permission(permission));
	}

	/**
	 * Grants when every rule grants; the first that denies (in the given order) decides,
	 * so its reason is the one the 403 names.
	 */
	@SafeVarargs
	public static <T> ReactiveAuthorizationManager<T> allOf(ReactiveAuthorizationManager<T>... rules) {
		List<ReactiveAuthorizationManager<T>> all = List.of(rules);
		return (authentication, object) -> {
			Mono<Authentication> cached = authentication.cache();
			return Flux.fromIterable(all)
				.concatMap((rule) -> rule.authorize(cached, object))
				.filter((result) -> !result.isGranted())
				.next()
				.defaultIfEmpty(new AuthorizationDecision(true));
		};
	}

	/**
	 * Grants when the token was issued for an organization (it has an {@code org} claim).
	 */
	public static <T> ReactiveAuthorizationManager<T> organization() {
		return rule(null, OrganizationRequiredException.DESCRIPTION,
				(authentication) -> authentication.getPrincipal() instanceof WritPrincipal principal
						&& principal.organization() != null);
	}

	private static <T> ReactiveAuthorizationManager<T> rule(@Nullable String scope, String description,
			Function<Authentication, Boolean> test) {
		return new Rule<>(scope, description, test);
	}

	private static boolean hasAuthority(Authentication authentication, String authority) {
		for (GrantedAuthority granted : authentication.getAuthorities()) {
			if (authority.equals(granted.getAuthority())) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasRole(Authentication authentication, OrgRole required) {
		if (authentication.getPrincipal() instanceof WritPrincipal principal) {
			return principal.hasRole(required);
		}
		// A principal converter of the application's own: rely on the authorities, which
		// carry the hierarchy.
		return hasAuthority(authentication, required.authority());
	}

	private static final class Rule<T> implements ReactiveAuthorizationManager<T> {

		private final @Nullable String scope;

		private final String description;

		private final Function<Authentication, Boolean> test;

		Rule(@Nullable String scope, String description, Function<Authentication, Boolean> test) {
			this.scope = scope;
			this.description = description;
			this.test = test;
		}

		@Override
		public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, T object) {
			return authentication.filter(Authentication::isAuthenticated)
				.map(this.test)
				.defaultIfEmpty(false)
				.map((granted) -> decide(granted, object));
		}

		private AuthorizationResult decide(boolean granted, T object) {
			WritAuthorizationDecision decision = new WritAuthorizationDecision(granted, this.scope, this.description);
			if (!granted && object instanceof AuthorizationContext context) {
				context.getExchange().getAttributes().put(WritAuthorizationDecision.EXCHANGE_ATTRIBUTE, decision);
			}
			return decision;
		}

		@Override
		public String toString() {
			return "WritAuthorization [" + this.description + "]";
		}

	}

}
