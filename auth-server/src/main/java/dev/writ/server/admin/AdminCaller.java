package dev.writ.server.admin;

import dev.writ.server.event.Actor;
import dev.writ.server.protocol.Scope;
import org.jspecify.annotations.Nullable;

/**
 * Who calls the admin API, as the access token says: a user (a token from the
 * authorization_code or refresh_token grant, whose {@code sub} is the user) or a machine
 * client (client_credentials, whose {@code sub} is its {@code client_id}).
 *
 * @param subject the {@code sub} claim: a user id, or the client id
 * @param clientId the {@code client_id} claim
 * @param scope the {@code scope} claim
 * @param organizationId the {@code org} claim, or {@code null}
 * @param user whether a user is calling (else a machine client)
 */
public record AdminCaller(String subject, String clientId, Scope scope, @Nullable String organizationId, boolean user) {

	/** Whether the token carries {@code scope}. */
	public boolean hasScope(String scope) {
		return this.scope.contains(scope);
	}

	/**
	 * Whether this is a platform operator with {@code scope}: the {@code admin:*} scopes
	 * count only for a machine client, whatever a user's token may carry.
	 */
	public boolean isPlatform(String scope) {
		return !this.user && hasScope(scope);
	}

	/**
	 * Whether this is a user whose token carries
	 * {@value AdminScopes#MANAGE_ORGANIZATION}.
	 */
	public boolean isOrganizationUser() {
		return this.user && hasScope(AdminScopes.MANAGE_ORGANIZATION);
	}

	/** The user's id; only for a user. */
	public String userId() {
		if (!this.user) {
			throw new IllegalStateException("a machine client is not a user");
		}
		return this.subject;
	}

	/** Who the audit log says made a change. */
	public Actor actor() {
		return this.user ? Actor.user(this.subject) : Actor.client(this.clientId);
	}

}
