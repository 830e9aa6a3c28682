package dev.writ.server.admin.organization;

import java.util.Set;
import java.util.regex.Pattern;

import dev.writ.server.admin.JsonBody;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /admin/api/organizations}: {@code {"slug", "name", "owner"?}}.
 *
 * @param slug lower-case letters, digits and inner hyphens, 1 to 63 characters (a DNS
 * label, so it fits a subdomain)
 * @param name 1 to 200 characters
 * @param owner the user to make the first owner; required of the platform, the caller
 * itself for a user
 */
record CreateOrganizationRequest(String slug, String name, @Nullable String owner) {

	static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

	static final int MAX_NAME = 200;

	static CreateOrganizationRequest parse(JsonBody body) {
		body.allowOnly(Set.of("slug", "name", "owner"));
		String slug = body.requiredString("slug", 63);
		if (slug != null && !SLUG.matcher(slug).matches()) {
			body.error("slug", "must be lower-case letters, digits and inner hyphens");
		}
		String name = body.requiredString("name", MAX_NAME);
		String owner = body.string("owner", 200);
		body.validate();
		return new CreateOrganizationRequest(slug, name, owner);
	}

}
