package dev.writ.server.client.authentication;

import dev.writ.server.client.Client;

import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * A client whose credentials were verified.
 *
 * @param client its registration
 * @param method how it authenticated
 */
public record AuthenticatedClient(Client client, ClientAuthenticationMethod method) {

	public boolean isConfidential() {
		return !ClientAuthenticationMethod.NONE.equals(this.method);
	}

}
