package dev.writ.server.event;

/**
 * The event types Writ publishes. They are names webhook subscribers and audit-log
 * readers will filter on, so they are never renamed; a new event gets a new name.
 *
 * <p>
 * Each names what is in the event: its {@link Target} kind, and the keys of its details.
 * The organization is the one the change happened in.
 */
public final class DomainEventTypes {

	/** A user joined an organization. Target: the membership. Details: {@code role}. */
	public static final String MEMBERSHIP_ADDED = "membership.added";

	/**
	 * A member's role changed. Target: the membership. Details: {@code from}, {@code to}
	 * (roles).
	 */
	public static final String MEMBERSHIP_ROLE_CHANGED = "membership.role_changed";

	/**
	 * A member left or was removed. Target: the membership. Details: {@code role} (the
	 * role they had).
	 */
	public static final String MEMBERSHIP_REMOVED = "membership.removed";

	/**
	 * An organization defined a role of its own. Target: the role (by name). Details:
	 * {@code description}, {@code permissions}.
	 */
	public static final String ROLE_CREATED = "role.created";

	/**
	 * An organization changed one of its roles. Target: the role. Details:
	 * {@code description}, {@code permissions} (as they are now), {@code added},
	 * {@code removed} (the permissions that changed).
	 */
	public static final String ROLE_UPDATED = "role.updated";

	/**
	 * An organization deleted one of its roles (nobody held it). Target: the role.
	 * Details: {@code permissions} (those it had).
	 */
	public static final String ROLE_DELETED = "role.deleted";

	/**
	 * Someone was invited. Target: the invitation. Details: {@code email}, {@code role}.
	 */
	public static final String INVITATION_CREATED = "invitation.created";

	/**
	 * An invitation was accepted (a {@link #MEMBERSHIP_ADDED} follows). Target: the
	 * invitation.
	 */
	public static final String INVITATION_ACCEPTED = "invitation.accepted";

	/** An invitation was withdrawn before it was accepted. Target: the invitation. */
	public static final String INVITATION_REVOKED = "invitation.revoked";

	/**
	 * An API token was created. Target: the API token (its id, never its value). Details:
	 * {@code name}, {@code scope}, {@code expires_at}.
	 */
	public static final String API_TOKEN_CREATED = "api_token.created";

	/** An API token was revoked. Target: the API token. */
	public static final String API_TOKEN_REVOKED = "api_token.revoked";

	/** A client was registered. Target: the client. */
	public static final String CLIENT_CREATED = "client.created";

	/**
	 * A client's registration changed. Target: the client. Details: {@code changed} (the
	 * names of the changed settings).
	 */
	public static final String CLIENT_UPDATED = "client.updated";

	/** A client got a new secret. Target: the client (never the secret). */
	public static final String CLIENT_SECRET_ROTATED = "client.secret_rotated";

	/** A client was deleted. Target: the client. */
	public static final String CLIENT_DELETED = "client.deleted";

	/**
	 * An organization was created. Target: the organization. Details: {@code slug},
	 * {@code name}, {@code owner} (the user made its first owner).
	 */
	public static final String ORGANIZATION_CREATED = "organization.created";

	/**
	 * An organization's name or settings changed. Target: the organization. Details:
	 * {@code changed} (the names of the changed settings), and their new values
	 * ({@code name}, {@code api_token_max_lifetime}: an ISO-8601 duration, or
	 * {@code default}).
	 */
	public static final String ORGANIZATION_UPDATED = "organization.updated";

	/**
	 * An organization was deleted, with its memberships, clients, invitations and API
	 * tokens. Target: the organization. Details: {@code slug}, {@code name}.
	 */
	public static final String ORGANIZATION_DELETED = "organization.deleted";

	/**
	 * A user was disabled: they cannot sign in, and their browser sessions, refresh-token
	 * families and live access tokens were ended. Target: the user. Organization: none
	 * (an account is not any one organization's).
	 */
	public static final String USER_DISABLED = "user.disabled";

	/**
	 * A disabled user was enabled again; they sign in afresh. Target: the user.
	 * Organization: none.
	 */
	public static final String USER_ENABLED = "user.enabled";

	/**
	 * A refresh token that had already been rotated was presented again, so its family
	 * and the family's live access tokens were revoked (RFC 9700 §4.14.2): the client or
	 * whoever stole the token must sign the user in again. Actor: the client that
	 * presented it. Target: the refresh-token family. Details: {@code user_id}.
	 *
	 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2">RFC 9700
	 * §4.14.2</a>
	 */
	public static final String REFRESH_REUSE_DETECTED = "refresh.reuse_detected";

	private DomainEventTypes() {
	}

}
