package dev.writ.server.org;

import java.util.Set;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * {@link RolePermissions} of the built-in roles only, the same in every organization.
 */
@Component
final class BuiltInRolePermissions implements RolePermissions {

	@Override
	public Mono<Set<String>> permissions(String organizationId, String role) {
		return Permissions.isBuiltIn(role) ? Mono.just(Permissions.ofBuiltIn(role)) : Mono.empty();
	}

}
