package dev.writ.server.admin.organization;

import java.time.Duration;

import dev.writ.server.org.Organization;
import org.jspecify.annotations.Nullable;

/**
 * An organization as the admin API shows it.
 *
 * @param id the id, the {@code org} claim of its tokens
 * @param slug the short name in URLs
 * @param name the name people read
 * @param apiTokenMaxLifetime the longest lifetime of a new API token (ISO-8601); only
 * when one organization is asked for
 */
record OrganizationJson(String id, String slug, String name, @Nullable String apiTokenMaxLifetime) {

	static OrganizationJson of(Organization organization) {
		return new OrganizationJson(organization.id(), organization.slug(), organization.name(), null);
	}

	static OrganizationJson of(Organization organization, Duration apiTokenMaxLifetime) {
		return new OrganizationJson(organization.id(), organization.slug(), organization.name(),
				apiTokenMaxLifetime.toString());
	}

}
