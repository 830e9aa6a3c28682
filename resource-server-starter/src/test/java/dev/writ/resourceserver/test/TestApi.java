package dev.writ.resourceserver.test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import dev.writ.resourceserver.OrgRole;
import dev.writ.resourceserver.RequireOrgRole;
import dev.writ.resourceserver.RequirePermission;
import dev.writ.resourceserver.RequireScope;
import dev.writ.resourceserver.WritAuthorization;
import dev.writ.resourceserver.WritPermission;
import dev.writ.resourceserver.WritPrincipal;
import dev.writ.resourceserver.web.WritAuthorizeExchangeCustomizer;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A downstream service that uses the starter the way applications do: no security code
 * beyond rules.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TestApi {

	@Bean
	WritAuthorizeExchangeCustomizer routeRules() {
		return (exchanges) -> exchanges.pathMatchers(HttpMethod.GET, "/routes/deployments")
			.access(WritAuthorization.scope("read:deployments"))
			.pathMatchers("/routes/admin")
			.access(WritAuthorization.orgRole(OrgRole.ADMIN))
			.pathMatchers("/routes/billing")
			.access(WritAuthorization.permission(WritPermission.BILLING_MANAGE))
			.pathMatchers(HttpMethod.DELETE, "/routes/projects")
			.access(WritAuthorization.scopeAndPermission("write:projects", WritPermission.PROJECTS_DELETE))
			.pathMatchers("/public")
			.permitAll();
	}

	@RestController
	static class Endpoints {

		@GetMapping("/me")
		Map<String, Object> me(@AuthenticationPrincipal WritPrincipal caller) {
			Map<String, Object> me = new LinkedHashMap<>();
			me.put("subject", caller.subject());
			me.put("clientId", caller.clientId());
			me.put("organization", caller.organization());
			me.put("role", (caller.role() != null) ? caller.role().name() : null);
			me.put("scopes", new TreeSet<>(caller.scopes()));
			me.put("tokenId", caller.tokenId());
			return me;
		}

		@GetMapping("/authorities")
		Mono<TreeSet<String>> authorities() {
			return ReactiveSecurityContextHolder.getContext()
				.map(SecurityContext::getAuthentication)
				.map((authentication) -> {
					TreeSet<String> authorities = new TreeSet<>();
					for (GrantedAuthority authority : authentication.getAuthorities()) {
						authorities.add(authority.getAuthority());
					}
					return authorities;
				});
		}

		@GetMapping("/context")
		Mono<String> context() {
			return ReactiveSecurityContextHolder.getContext()
				.map((context) -> ((WritPrincipal) context.getAuthentication().getPrincipal()).subject());
		}

		@GetMapping("/annotated/scope")
		@RequireScope("write:projects")
		Mono<String> annotatedScope() {
			return Mono.just("scoped");
		}

		@GetMapping("/annotated/admin")
		@RequireOrgRole(OrgRole.ADMIN)
		Mono<String> annotatedAdmin() {
			return Mono.just("admin");
		}

		@GetMapping("/annotated/admin-writer")
		@RequireOrgRole(value = OrgRole.ADMIN, scope = "write:projects")
		Mono<String> annotatedAdminWriter() {
			return Mono.just("admin-writer");
		}

		@GetMapping("/annotated/permission")
		@RequirePermission("projects:delete")
		Mono<String> annotatedPermission() {
			return Mono.just("permitted");
		}

		@GetMapping("/annotated/permission-writer")
		@RequirePermission(value = "projects:delete", scope = "write:projects")
		Mono<String> annotatedPermissionWriter() {
			return Mono.just("permitted-writer");
		}

		@GetMapping("/permissions")
		Mono<TreeSet<String>> permissions(@AuthenticationPrincipal WritPrincipal caller) {
			return Mono.just(new TreeSet<>(caller.permissions()));
		}

		@DeleteMapping("/routes/projects")
		Mono<String> routedDelete() {
			return Mono.just("deleted");
		}

		@GetMapping("/org")
		Mono<String> organization(@AuthenticationPrincipal WritPrincipal caller) {
			return Mono.fromSupplier(caller::requireOrganization);
		}

		@GetMapping({ "/routes/deployments", "/routes/admin", "/routes/billing", "/public" })
		Mono<String> routed() {
			return Mono.just("routed");
		}

	}

}
