package dev.writ.server.client;

import java.util.List;

import com.nimbusds.jose.jwk.JWKSet;
import dev.writ.server.protocol.Scope;
import dev.writ.server.org.OrganizationRole;

import org.springframework.lang.Nullable;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * A registered client: Spring Authorization Server's {@link RegisteredClient} for the RFC
 * 7591 metadata it models, plus what Writ adds to it.
 *
 * @param registration the standard metadata; its client secret is a hash, and its token
 * settings carry the effective access-token lifetime
 * @param defaultScope granted when a token request names no scope
 * @param audiences the resource indicators (RFC 8707) the client's tokens may be
 * addressed to
 * @param organization the organization a machine client acts in, or {@code null}
 * @param jwks the public keys of a {@code private_key_jwt} client registered inline, or
 * {@code null}
 */
public record Client(RegisteredClient registration, Scope defaultScope, List<String> audiences,
		@Nullable OrganizationRole organization, @Nullable JWKSet jwks) {

	public Client {
		audiences = List.copyOf(audiences);
	}

	public String clientId() {
		return this.registration.getClientId();
	}

	public Scope scope() {
		return Scope.of(this.registration.getScopes());
	}

}
