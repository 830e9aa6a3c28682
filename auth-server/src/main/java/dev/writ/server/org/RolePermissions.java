package dev.writ.server.org;

import java.util.Set;

import reactor.core.publisher.Mono;

/**
 * What a role permits in one organization. The admin API asks it for the caller's role on
 * every request, so a changed role (or role definition) applies at once.
 *
 * <p>
 * Contract: the built-in roles answer {@link Permissions#ofBuiltIn}; a role the
 * organization does not know completes empty, never with an error. Implemented by
 * {@link OrganizationRoles}, which also knows the organization's own roles; tokens, API
 * tokens and the admin API all ask it, so they never disagree about a role.
 */
public interface RolePermissions {

	Mono<Set<String>> permissions(String organizationId, String role);

}
