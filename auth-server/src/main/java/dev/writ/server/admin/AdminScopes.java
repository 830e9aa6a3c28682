package dev.writ.server.admin;

/**
 * The scopes of the admin API. {@value #MANAGE_ORGANIZATION} is for users, who act within
 * their role in the organization their token names; the {@code admin:*} scopes are for
 * the platform's operators and count only in a client_credentials token, so a user can
 * never hold them.
 */
public final class AdminScopes {

	/**
	 * A user acts in the organization of the token's {@code org} claim, within the
	 * permissions of the role they have there now.
	 */
	public static final String MANAGE_ORGANIZATION = "manage:organization";

	/** Every permission in every organization, and creating organizations. */
	public static final String ADMIN_ORGANIZATIONS = "admin:organizations";

	/** Every client, including those of no organization. */
	public static final String ADMIN_CLIENTS = "admin:clients";

	/** Reading, disabling and enabling users. */
	public static final String ADMIN_USERS = "admin:users";

	private AdminScopes() {
	}

}
