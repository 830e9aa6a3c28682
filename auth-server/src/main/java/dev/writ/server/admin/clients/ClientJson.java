package dev.writ.server.admin.clients;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.writ.server.admin.AdministeredClient;
import dev.writ.server.admin.ClientRegistration;
import dev.writ.server.admin.ClientWithSecret;
import org.jspecify.annotations.Nullable;

/**
 * A client as the admin API shows it: its id, its settings under the names a request uses
 * (so what is read can be sent back), and, only in the answer to the change that issued
 * it, its new secret. Durations are ISO-8601 ({@code PT5M}).
 *
 * @param clientId the client's id
 * @param name see {@link ClientRegistration}, as for the members that follow
 * @param grantTypes the grant types
 * @param tokenEndpointAuthMethod how it authenticates
 * @param redirectUris its redirect URIs
 * @param postLogoutRedirectUris its post-logout redirect URIs
 * @param scopes its scopes
 * @param defaultScopes its default scopes, or {@code null} for all of them
 * @param audiences its audiences
 * @param organization its organization, or {@code null}
 * @param organizationRole its role there, or {@code null}
 * @param accessTokenTimeToLive its access tokens' lifetime
 * @param refreshTokenIdleTimeToLive its own idle refresh-token lifetime, or {@code null}
 * @param refreshTokenAbsoluteTimeToLive its own absolute one, or {@code null}
 * @param refreshTokenWithoutOfflineAccess whether it gets refresh tokens without
 * {@code offline_access}
 * @param requirePkce whether it must use PKCE
 * @param requireConsent whether users are asked
 * @param jwksUri where its keys are, or {@code null}
 * @param jwks its keys, or {@code null}
 * @param hasSecret whether it authenticates with a secret
 * @param createdAt when it was registered
 * @param clientSecret the secret the change just issued (left out otherwise): shown this
 * once, stored only hashed
 */
record ClientJson(String clientId, String name, List<String> grantTypes, String tokenEndpointAuthMethod,
		List<String> redirectUris, List<String> postLogoutRedirectUris, List<String> scopes,
		@Nullable List<String> defaultScopes, List<String> audiences, @Nullable String organization,
		@Nullable String organizationRole, @Nullable String accessTokenTimeToLive,
		@Nullable String refreshTokenIdleTimeToLive, @Nullable String refreshTokenAbsoluteTimeToLive,
		boolean refreshTokenWithoutOfflineAccess, boolean requirePkce, boolean requireConsent, @Nullable String jwksUri,
		@Nullable Map<String, Object> jwks, boolean hasSecret, Instant createdAt,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String clientSecret) {

	static ClientJson of(AdministeredClient client) {
		return of(client, null);
	}

	static ClientJson of(ClientWithSecret changed) {
		return of(changed.client(), changed.secret());
	}

	private static ClientJson of(AdministeredClient client, @Nullable String secret) {
		ClientRegistration registration = client.registration();
		return new ClientJson(client.clientId(), registration.name(), registration.grantTypes(),
				registration.tokenEndpointAuthMethod(), registration.redirectUris(),
				registration.postLogoutRedirectUris(), registration.scopes(), registration.defaultScopes(),
				registration.audiences(), registration.organization(), registration.organizationRole(),
				text(registration.accessTokenTimeToLive()), text(registration.refreshTokenIdleTimeToLive()),
				text(registration.refreshTokenAbsoluteTimeToLive()), registration.refreshTokenWithoutOfflineAccess(),
				registration.requirePkce(), registration.requireConsent(), registration.jwksUri(), registration.jwks(),
				client.hasSecret(), client.createdAt(), secret);
	}

	private static @Nullable String text(@Nullable Duration duration) {
		return (duration != null) ? duration.toString() : null;
	}

	/** Keeps the secret out of logs. */
	@Override
	public String toString() {
		return "ClientJson[clientId=" + this.clientId + ", clientSecret="
				+ ((this.clientSecret != null) ? "writ_cs_***" : "none") + "]";
	}

}
