package dev.writ.server.client;

import java.util.List;
import java.util.Set;

import com.nimbusds.jose.jwk.JWKSet;
import dev.writ.server.protocol.OAuth2Exception;
import dev.writ.server.protocol.Scope;
import dev.writ.server.org.OrganizationRole;

import org.springframework.lang.Nullable;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
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
 * @param refreshTokens how the client's refresh tokens are issued and how long they live
 */
public record Client(RegisteredClient registration, Scope defaultScope, List<String> audiences,
		@Nullable OrganizationRole organization, @Nullable JWKSet jwks, RefreshTokenSettings refreshTokens) {

	public Client {
		audiences = List.copyOf(audiences);
	}

	/** A client with the default refresh-token settings. */
	public Client(RegisteredClient registration, Scope defaultScope, List<String> audiences,
			@Nullable OrganizationRole organization, @Nullable JWKSet jwks) {
		this(registration, defaultScope, audiences, organization, jwks, RefreshTokenSettings.DEFAULTS);
	}

	/**
	 * A public client (RFC 6749 §2.1) cannot keep a secret, so it authenticates with
	 * nothing but its id.
	 */
	public boolean isPublic() {
		return this.registration.getClientAuthenticationMethods().equals(Set.of(ClientAuthenticationMethod.NONE));
	}

	/**
	 * RFC 6749 §3.3: the scope a request for {@code requested} gets, which must be within
	 * the client's; the client's default scope when none is requested.
	 * @throws OAuth2Exception {@code invalid_scope} for a scope the client may not have
	 */
	public Scope grantableScope(@Nullable String requested) {
		Scope scope = Scope.parse(requested);
		if (scope.isEmpty()) {
			return this.defaultScope;
		}
		Scope missing = scope().missing(scope);
		if (!missing.isEmpty()) {
			throw OAuth2Exception.invalidScope("the client may not request the scope '" + missing + "'");
		}
		return scope;
	}

	/** The audiences of the client's tokens: RFC 9068 requires at least one. */
	public List<String> tokenAudiences() {
		return this.audiences.isEmpty() ? List.of(clientId()) : this.audiences;
	}

	public String clientId() {
		return this.registration.getClientId();
	}

	public Scope scope() {
		return Scope.of(this.registration.getScopes());
	}

}
