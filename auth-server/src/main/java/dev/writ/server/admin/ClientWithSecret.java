package dev.writ.server.admin;

import org.jspecify.annotations.Nullable;

/**
 * A client after a change, with the secret the change issued, if any: the only time the
 * secret is ever shown, since only its hash is stored.
 *
 * @param client the client as stored
 * @param secret the new client secret, or {@code null} when the change issued none
 */
public record ClientWithSecret(AdministeredClient client, @Nullable String secret) {

	@Override
	public String toString() {
		return "ClientWithSecret[client=" + this.client + ", secret=" + ((this.secret != null) ? "(issued)" : "none")
				+ "]";
	}

}
