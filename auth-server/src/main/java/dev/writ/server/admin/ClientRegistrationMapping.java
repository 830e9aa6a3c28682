package dev.writ.server.admin;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import dev.writ.server.client.Client;
import dev.writ.server.client.RefreshTokenSettings;
import dev.writ.server.org.OrganizationRole;
import dev.writ.server.protocol.Scope;
import com.nimbusds.jose.jwk.JWKSet;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * Translates between a stored {@link Client} and the {@link ClientRegistration} its
 * administrators read and write. Sets come out sorted, so that the same client always
 * reads the same.
 */
final class ClientRegistrationMapping {

	/** The order in which a client's methods are tried when naming one as its own. */
	private static final List<String> METHOD_ORDER = List.of("client_secret_basic", "client_secret_post",
			"private_key_jwt", "none");

	private ClientRegistrationMapping() {
	}

	static AdministeredClient view(Client client) {
		RegisteredClient registration = client.registration();
		return new AdministeredClient(client.clientId(), registration(client), registration.getClientIdIssuedAt(),
				registration.getClientSecret() != null);
	}

	static ClientRegistration registration(Client client) {
		RegisteredClient registration = client.registration();
		ClientSettings settings = registration.getClientSettings();
		OrganizationRole organization = client.organization();
		List<String> scopes = sorted(registration.getScopes());
		List<String> defaults = sorted(client.defaultScope().tokens());
		return ClientRegistration.builder()
			.name(registration.getClientName())
			.grantTypes(sorted(
					registration.getAuthorizationGrantTypes().stream().map(AuthorizationGrantType::getValue).toList()))
			.tokenEndpointAuthMethod(method(registration.getClientAuthenticationMethods()))
			.redirectUris(sorted(registration.getRedirectUris()))
			.postLogoutRedirectUris(sorted(registration.getPostLogoutRedirectUris()))
			.scopes(scopes)
			// every scope by default reads as no default, so that a scope added later is
			// a default too
			.defaultScopes(defaults.equals(scopes) ? null : defaults)
			.audiences(client.audiences())
			.organization((organization != null) ? organization.organizationId() : null,
					(organization != null) ? organization.role() : null)
			.accessTokenTimeToLive(registration.getTokenSettings().getAccessTokenTimeToLive())
			.refreshTokenIdleTimeToLive(client.refreshTokens().idleTimeToLive())
			.refreshTokenAbsoluteTimeToLive(client.refreshTokens().absoluteTimeToLive())
			.refreshTokenWithoutOfflineAccess(client.refreshTokens().withoutOfflineAccess())
			.requirePkce(settings.isRequireProofKey())
			.requireConsent(settings.isRequireAuthorizationConsent())
			.jwksUri(settings.getJwkSetUrl())
			.jwks((client.jwks() != null) ? client.jwks().toJSONObject(true) : null)
			.build();
	}

	/**
	 * The client a validated registration describes.
	 * @param methods the token endpoint authentication methods to store (a client
	 * registered before the admin API may accept more than one)
	 * @param secretHash the hash of its secret, or {@code null}
	 * @param defaultAccessTokenTimeToLive the lifetime when the registration names none
	 */
	static Client client(String clientId, ClientRegistration registration, Set<String> methods,
			@Nullable String secretHash, Duration defaultAccessTokenTimeToLive) {
		ClientSettings.Builder settings = ClientSettings.builder()
			.requireProofKey(registration.requirePkce())
			.requireAuthorizationConsent(registration.requireConsent());
		if (registration.jwksUri() != null) {
			settings.jwkSetUrl(registration.jwksUri());
		}
		Duration accessTokenTimeToLive = (registration.accessTokenTimeToLive() != null)
				? registration.accessTokenTimeToLive() : defaultAccessTokenTimeToLive;
		RegisteredClient registered = RegisteredClient.withId(clientId)
			.clientId(clientId)
			.clientName(registration.name())
			.clientSecret(secretHash)
			.clientAuthenticationMethods(
					(all) -> methods.forEach((method) -> all.add(new ClientAuthenticationMethod(method))))
			.authorizationGrantTypes((grants) -> registration.grantTypes()
				.forEach((grant) -> grants.add(new AuthorizationGrantType(grant))))
			.redirectUris((uris) -> uris.addAll(registration.redirectUris()))
			.postLogoutRedirectUris((uris) -> uris.addAll(registration.postLogoutRedirectUris()))
			.scopes((scopes) -> scopes.addAll(registration.scopes()))
			.clientSettings(settings.build())
			.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(accessTokenTimeToLive).build())
			.build();
		Scope defaultScope = Scope
			.of((registration.defaultScopes() != null) ? registration.defaultScopes() : registration.scopes());
		OrganizationRole organization = (registration.organization() != null)
				? new OrganizationRole(registration.organization(), registration.organizationRole()) : null;
		return new Client(registered, defaultScope, registration.audiences(), organization, jwks(registration),
				new RefreshTokenSettings(registration.refreshTokenWithoutOfflineAccess(),
						registration.refreshTokenIdleTimeToLive(), registration.refreshTokenAbsoluteTimeToLive()));
	}

	/** The method a client is registered with, as RFC 7591 §2 names one. */
	static String method(Set<ClientAuthenticationMethod> methods) {
		return METHOD_ORDER.stream()
			.filter((method) -> methods.contains(new ClientAuthenticationMethod(method)))
			.findFirst()
			.orElse("client_secret_basic");
	}

	static Set<String> methodNames(Set<ClientAuthenticationMethod> methods) {
		return Set.copyOf(methods.stream().map(ClientAuthenticationMethod::getValue).toList());
	}

	private static @Nullable JWKSet jwks(ClientRegistration registration) {
		if (registration.jwks() == null) {
			return null;
		}
		try {
			return JWKSet.parse(registration.jwks());
		}
		catch (java.text.ParseException ex) {
			throw new IllegalStateException("a validated registration holds a JWK Set", ex);
		}
	}

	private static List<String> sorted(java.util.Collection<String> values) {
		return values.stream().sorted(Comparator.naturalOrder()).toList();
	}

}
