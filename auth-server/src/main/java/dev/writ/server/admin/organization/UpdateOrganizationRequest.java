package dev.writ.server.admin.organization;

import java.time.Duration;
import java.util.Set;

import dev.writ.server.admin.JsonBody;
import dev.writ.server.admin.OrganizationAdministration.OrganizationChanges;

/**
 * {@code PATCH /admin/api/organizations/{org}}: {@code {"name"?, "apiTokenMaxLifetime"?}}
 * (RFC 7396 merge-patch semantics: a member left out stays as it is, and
 * {@code "apiTokenMaxLifetime": null} returns the policy to the server's default).
 */
final class UpdateOrganizationRequest {

	/**
	 * Ten years: longer than any integration should go without rotating its secret, short
	 * enough that an expiry can always be computed.
	 */
	static final Duration LONGEST_API_TOKEN_LIFETIME = Duration.ofDays(3650);

	private UpdateOrganizationRequest() {
	}

	static OrganizationChanges parse(JsonBody body) {
		body.allowOnly(Set.of("name", "apiTokenMaxLifetime"));
		if (body.isNull("name")) {
			body.error("name", "must not be null");
		}
		String name = body.string("name", CreateOrganizationRequest.MAX_NAME);
		boolean lifetimeChanged = body.has("apiTokenMaxLifetime");
		Duration lifetime = body.duration("apiTokenMaxLifetime", LONGEST_API_TOKEN_LIFETIME);
		body.validate();
		return new OrganizationChanges(name, lifetimeChanged, lifetime);
	}

}
