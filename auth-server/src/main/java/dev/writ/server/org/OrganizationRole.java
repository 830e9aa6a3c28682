package dev.writ.server.org;

/**
 * A party's role in one organization, as the {@code org} and {@code role} claims of the
 * token contract carry it.
 *
 * @param organizationId the organization's id, the {@code org} claim
 * @param role the role's name, the {@code role} claim: {@code owner}, {@code admin},
 * {@code member} or a role the organization defined (see {@link Role#isName})
 */
public record OrganizationRole(String organizationId, String role) {

	public OrganizationRole {
		if (!Role.isName(role)) {
			throw new IllegalArgumentException("'" + role + "' is not an organization role");
		}
	}

}
