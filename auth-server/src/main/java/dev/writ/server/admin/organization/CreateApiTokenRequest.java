package dev.writ.server.admin.organization;

import java.time.Duration;
import java.util.Set;

import dev.writ.server.admin.JsonBody;
import dev.writ.server.protocol.OAuth2Exception;
import dev.writ.server.protocol.Scope;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /admin/api/organizations/{org}/api-tokens}: {@code {"name", "scope",
 * "lifetime"?, "organizationOwned"?}}.
 *
 * @param name 1 to 200 characters
 * @param scope space-separated scopes the caller's role may grant
 * @param lifetime how long it should work (ISO-8601), shortened to the organization's
 * maximum; {@code null} for that maximum
 * @param organizationOwned whether the organization owns the token (it then outlives the
 * creator's membership; needs {@code api_tokens:manage}) rather than the caller
 */
record CreateApiTokenRequest(String name, Scope scope, @Nullable Duration lifetime, boolean organizationOwned) {

	static CreateApiTokenRequest parse(JsonBody body) {
		body.allowOnly(Set.of("name", "scope", "lifetime", "organizationOwned"));
		String name = body.requiredString("name", 200);
		String scopeText = body.requiredString("scope", 1000);
		Scope scope = Scope.EMPTY;
		if (scopeText != null) {
			try {
				scope = Scope.parse(scopeText);
			}
			catch (OAuth2Exception ex) {
				body.error("scope", "must be scope tokens separated by single spaces");
			}
		}
		Duration lifetime = body.duration("lifetime", UpdateOrganizationRequest.LONGEST_API_TOKEN_LIFETIME);
		boolean organizationOwned = body.bool("organizationOwned", false);
		body.validate();
		return new CreateApiTokenRequest(name, scope, lifetime, organizationOwned);
	}

}
