package dev.writ.server.org;

/**
 * A party's role in one organization, as the {@code org} and {@code role} claims of the
 * token contract carry it.
 *
 * @param organizationId the organization's id, the {@code org} claim
 * @param role {@code owner}, {@code admin} or {@code member}, the {@code role} claim
 */
public record OrganizationRole(String organizationId, String role) {

	public OrganizationRole {
		if (!"owner".equals(role) && !"admin".equals(role) && !"member".equals(role)) {
			throw new IllegalArgumentException("unknown organization role '" + role + "'");
		}
	}

}
