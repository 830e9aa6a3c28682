package dev.writ.server.admin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The settings of a client an administrator registers or changes: RFC 7591 §2 client
 * metadata in the admin API's camelCase, and what Writ adds. The same record describes a
 * registered client back, so that what an administrator reads is what they may send.
 * Nothing here is checked until {@link ClientRegistrationValidator} runs, which names
 * each broken rule by the member's JSON Pointer; list elements may therefore be
 * {@code null}.
 *
 * @param name {@code client_name}, shown on consent pages
 * @param grantTypes {@code authorization_code}, {@code refresh_token},
 * {@code client_credentials}
 * @param tokenEndpointAuthMethod {@code client_secret_basic}, {@code client_secret_post},
 * {@code private_key_jwt} or {@code none} (a public client)
 * @param redirectUris where authorization responses may go (RFC 6749 §3.1.2)
 * @param postLogoutRedirectUris where RP-initiated logout may return to
 * @param scopes the scopes the client may ask for
 * @param defaultScopes what a request without {@code scope} gets, or {@code null} for
 * every scope of the client
 * @param audiences the resource indicators (RFC 8707) its tokens may be addressed to
 * @param organization the organization the client belongs to, or {@code null}
 * @param organizationRole the role its client_credentials tokens carry in that
 * organization
 * @param accessTokenTimeToLive its access tokens' lifetime, or {@code null} for the
 * server's default
 * @param refreshTokenIdleTimeToLive how long an unused refresh token lives, or
 * {@code null} for the server's default
 * @param refreshTokenAbsoluteTimeToLive how long a refresh-token family lives at most, or
 * {@code null} for the server's default
 * @param refreshTokenWithoutOfflineAccess whether it gets refresh tokens without asking
 * for {@code offline_access}
 * @param requirePkce whether its authorization requests must carry a PKCE challenge
 * @param requireConsent whether users are asked before it gets their authorization
 * @param jwksUri where the public keys of a {@code private_key_jwt} client are, or
 * {@code null}
 * @param jwks the public keys of a {@code private_key_jwt} client as a JWK Set (RFC 7517
 * §5), or {@code null}
 */
public record ClientRegistration(String name, List<String> grantTypes, String tokenEndpointAuthMethod,
		List<String> redirectUris, List<String> postLogoutRedirectUris, List<String> scopes,
		@Nullable List<String> defaultScopes, List<String> audiences, @Nullable String organization,
		@Nullable String organizationRole, @Nullable Duration accessTokenTimeToLive,
		@Nullable Duration refreshTokenIdleTimeToLive, @Nullable Duration refreshTokenAbsoluteTimeToLive,
		boolean refreshTokenWithoutOfflineAccess, boolean requirePkce, boolean requireConsent, @Nullable String jwksUri,
		@Nullable Map<String, Object> jwks) {

	public ClientRegistration {
		grantTypes = copy(grantTypes);
		redirectUris = copy(redirectUris);
		postLogoutRedirectUris = copy(postLogoutRedirectUris);
		scopes = copy(scopes);
		defaultScopes = (defaultScopes != null) ? copy(defaultScopes) : null;
		audiences = copy(audiences);
		jwks = (jwks != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(jwks)) : null;
	}

	/**
	 * A builder with Writ's defaults: no grant type, {@code client_secret_basic}, PKCE
	 * and consent required, no refresh token without {@code offline_access}, the server's
	 * lifetimes, no organization.
	 */
	public static Builder builder() {
		return new Builder();
	}

	/** A builder that starts from this registration, to change some of it. */
	public Builder toBuilder() {
		Builder builder = new Builder();
		builder.name = this.name;
		builder.grantTypes = this.grantTypes;
		builder.tokenEndpointAuthMethod = this.tokenEndpointAuthMethod;
		builder.redirectUris = this.redirectUris;
		builder.postLogoutRedirectUris = this.postLogoutRedirectUris;
		builder.scopes = this.scopes;
		builder.defaultScopes = this.defaultScopes;
		builder.audiences = this.audiences;
		builder.organization = this.organization;
		builder.organizationRole = this.organizationRole;
		builder.accessTokenTimeToLive = this.accessTokenTimeToLive;
		builder.refreshTokenIdleTimeToLive = this.refreshTokenIdleTimeToLive;
		builder.refreshTokenAbsoluteTimeToLive = this.refreshTokenAbsoluteTimeToLive;
		builder.refreshTokenWithoutOfflineAccess = this.refreshTokenWithoutOfflineAccess;
		builder.requirePkce = this.requirePkce;
		builder.requireConsent = this.requireConsent;
		builder.jwksUri = this.jwksUri;
		builder.jwks = this.jwks;
		return builder;
	}

	/** Builds a {@link ClientRegistration}; every setter replaces what was there. */
	public static final class Builder {

		private String name = "";

		private List<String> grantTypes = List.of();

		private String tokenEndpointAuthMethod = "client_secret_basic";

		private List<String> redirectUris = List.of();

		private List<String> postLogoutRedirectUris = List.of();

		private List<String> scopes = List.of();

		private @Nullable List<String> defaultScopes;

		private List<String> audiences = List.of();

		private @Nullable String organization;

		private @Nullable String organizationRole;

		private @Nullable Duration accessTokenTimeToLive;

		private @Nullable Duration refreshTokenIdleTimeToLive;

		private @Nullable Duration refreshTokenAbsoluteTimeToLive;

		private boolean refreshTokenWithoutOfflineAccess;

		private boolean requirePkce = true;

		private boolean requireConsent = true;

		private @Nullable String jwksUri;

		private @Nullable Map<String, Object> jwks;

		private Builder() {
		}

		public Builder name(String name) {
			this.name = name;
			return this;
		}

		public Builder grantTypes(List<String> grantTypes) {
			this.grantTypes = grantTypes;
			return this;
		}

		public Builder tokenEndpointAuthMethod(String tokenEndpointAuthMethod) {
			this.tokenEndpointAuthMethod = tokenEndpointAuthMethod;
			return this;
		}

		public Builder redirectUris(List<String> redirectUris) {
			this.redirectUris = redirectUris;
			return this;
		}

		public Builder postLogoutRedirectUris(List<String> postLogoutRedirectUris) {
			this.postLogoutRedirectUris = postLogoutRedirectUris;
			return this;
		}

		public Builder scopes(List<String> scopes) {
			this.scopes = scopes;
			return this;
		}

		public Builder defaultScopes(@Nullable List<String> defaultScopes) {
			this.defaultScopes = defaultScopes;
			return this;
		}

		public Builder audiences(List<String> audiences) {
			this.audiences = audiences;
			return this;
		}

		public Builder organization(@Nullable String organization, @Nullable String organizationRole) {
			this.organization = organization;
			this.organizationRole = organizationRole;
			return this;
		}

		public Builder organization(@Nullable String organization) {
			this.organization = organization;
			return this;
		}

		public Builder organizationRole(@Nullable String organizationRole) {
			this.organizationRole = organizationRole;
			return this;
		}

		public Builder accessTokenTimeToLive(@Nullable Duration accessTokenTimeToLive) {
			this.accessTokenTimeToLive = accessTokenTimeToLive;
			return this;
		}

		public Builder refreshTokenIdleTimeToLive(@Nullable Duration refreshTokenIdleTimeToLive) {
			this.refreshTokenIdleTimeToLive = refreshTokenIdleTimeToLive;
			return this;
		}

		public Builder refreshTokenAbsoluteTimeToLive(@Nullable Duration refreshTokenAbsoluteTimeToLive) {
			this.refreshTokenAbsoluteTimeToLive = refreshTokenAbsoluteTimeToLive;
			return this;
		}

		public Builder refreshTokenWithoutOfflineAccess(boolean refreshTokenWithoutOfflineAccess) {
			this.refreshTokenWithoutOfflineAccess = refreshTokenWithoutOfflineAccess;
			return this;
		}

		public Builder requirePkce(boolean requirePkce) {
			this.requirePkce = requirePkce;
			return this;
		}

		public Builder requireConsent(boolean requireConsent) {
			this.requireConsent = requireConsent;
			return this;
		}

		public Builder jwksUri(@Nullable String jwksUri) {
			this.jwksUri = jwksUri;
			return this;
		}

		public Builder jwks(@Nullable Map<String, Object> jwks) {
			this.jwks = jwks;
			return this;
		}

		public ClientRegistration build() {
			return new ClientRegistration(this.name, this.grantTypes, this.tokenEndpointAuthMethod, this.redirectUris,
					this.postLogoutRedirectUris, this.scopes, this.defaultScopes, this.audiences, this.organization,
					this.organizationRole, this.accessTokenTimeToLive, this.refreshTokenIdleTimeToLive,
					this.refreshTokenAbsoluteTimeToLive, this.refreshTokenWithoutOfflineAccess, this.requirePkce,
					this.requireConsent, this.jwksUri, this.jwks);
		}

	}

	/** Keeps {@code null} elements, which the validator reports by their index. */
	private static List<String> copy(@Nullable List<String> values) {
		return (values != null) ? Collections.unmodifiableList(new ArrayList<>(values)) : List.of();
	}

}
