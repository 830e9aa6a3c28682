package dev.writ.resourceserver.jwt;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.writ.resourceserver.OrgRole;
import dev.writ.resourceserver.RolePermissions;
import dev.writ.resourceserver.WritPermission;
import dev.writ.resourceserver.WritPrincipal;
import reactor.core.publisher.Mono;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a validated access token into the authentication that the rest of the application
 * sees: a {@link JwtAuthenticationToken} whose principal is a {@link WritPrincipal} and
 * whose authorities are {@code SCOPE_<scope>} per scope plus the organization role with
 * every role it includes ({@code ROLE_ORG_OWNER} brings {@code ROLE_ORG_ADMIN} and
 * {@code ROLE_ORG_MEMBER}), and {@code PERMISSION_<permission>} per permission the caller
 * holds in the organization ({@link RolePermissions} and the optional {@code permissions}
 * claim).
 *
 * <p>
 * The hierarchy is applied here, once, rather than in each authorization rule, so that
 * {@code hasRole}, {@code hasAuthority} and route rules all agree: Spring's reactive
 * rules do not consult a {@code RoleHierarchy}.
 */
public final class WritJwtAuthenticationConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

	private final RoleHierarchy roleHierarchy;

	private final RolePermissions rolePermissions;

	/** With the {@linkplain RolePermissions#defaults() built-in role permissions}. */
	public WritJwtAuthenticationConverter(RoleHierarchy roleHierarchy) {
		this(roleHierarchy, RolePermissions.defaults());
	}

	public WritJwtAuthenticationConverter(RoleHierarchy roleHierarchy, RolePermissions rolePermissions) {
		this.roleHierarchy = roleHierarchy;
		this.rolePermissions = rolePermissions;
	}

	/** owner > admin > member, as {@code ROLE_ORG_*} authorities. */
	public static RoleHierarchy orgRoleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix()
			.role("ORG_" + OrgRole.OWNER.name())
			.implies("ORG_" + OrgRole.ADMIN.name())
			.role("ORG_" + OrgRole.ADMIN.name())
			.implies("ORG_" + OrgRole.MEMBER.name())
			.build();
	}

	@Override
	public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
		return Mono.fromSupplier(() -> authenticate(jwt));
	}

	private AbstractAuthenticationToken authenticate(Jwt jwt) {
		WritPrincipal principal = WritPrincipal.from(jwt, this.rolePermissions);
		List<GrantedAuthority> granted = new ArrayList<>();
		principal.scopes().forEach((scope) -> granted.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
		if (principal.role() != null) {
			granted.add(new SimpleGrantedAuthority(principal.role().authority()));
		}
		Set<GrantedAuthority> authorities = new LinkedHashSet<>(
				this.roleHierarchy.getReachableGrantedAuthorities(granted));
		principal.permissions()
			.forEach((permission) -> authorities.add(new SimpleGrantedAuthority(WritPermission.authority(permission))));
		// Spring Security 7 marks how the caller authenticated, for rules that require
		// particular factors.
		authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.BEARER_AUTHORITY));
		return new JwtAuthenticationToken(jwt, principal, authorities);
	}

}
