package dev.writ.server.client;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.text.ParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.nimbusds.jose.jwk.JWKSet;
import dev.writ.server.protocol.Scope;
import dev.writ.server.org.OrganizationRole;
import dev.writ.server.token.TokenProperties;
import io.r2dbc.spi.Readable;

import org.springframework.lang.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link RegisteredClients} in the {@code oauth2_clients} table. */
@Component
final class R2dbcRegisteredClients implements RegisteredClients {

	private static final String COLUMNS = """
			client_id, client_name, client_secret_hash, client_secret_expires_at, token_endpoint_auth_methods,
			grant_types, redirect_uris, scopes, default_scopes, audiences, organization_id, organization_role,
			access_token_ttl_seconds, require_pkce, jwks::text AS jwks, jwks_uri, created_at,
			post_logout_redirect_uris, require_consent, refresh_token_without_offline_access,
			refresh_token_idle_ttl_seconds, refresh_token_absolute_ttl_seconds""";

	private static final String SELECT = "SELECT " + COLUMNS + " FROM oauth2_clients WHERE client_id = :clientId";

	// The comparison and the order use the same collation, so a page that starts after
	// the previous page's last id continues it exactly; the primary key serves both.
	private static final String LIST = "SELECT " + COLUMNS + """
			 FROM oauth2_clients
			WHERE (CAST(:org AS text) IS NULL OR organization_id = :org)
			  AND (CAST(:after AS text) IS NULL OR client_id > :after)
			ORDER BY client_id LIMIT :limit""";

	private static final String DELETE = "DELETE FROM oauth2_clients WHERE client_id = :clientId RETURNING " + COLUMNS;

	private static final String UPSERT = """
			INSERT INTO oauth2_clients (client_id, client_name, client_secret_hash, client_secret_expires_at,
			    token_endpoint_auth_methods, grant_types, redirect_uris, scopes, default_scopes, audiences,
			    organization_id, organization_role, access_token_ttl_seconds, require_pkce, jwks, jwks_uri,
			    post_logout_redirect_uris, require_consent, refresh_token_without_offline_access,
			    refresh_token_idle_ttl_seconds, refresh_token_absolute_ttl_seconds)
			VALUES (:clientId, :clientName, :secretHash, :secretExpiresAt, :authMethods, :grantTypes, :redirectUris,
			    :scopes, :defaultScopes, :audiences, :organizationId, :organizationRole, :ttl, :requirePkce,
			    CAST(:jwks AS jsonb), :jwksUri, :postLogoutRedirectUris, :requireConsent, :refreshWithoutOfflineAccess,
			    :refreshIdleTtl, :refreshAbsoluteTtl)
			ON CONFLICT (client_id) DO UPDATE SET client_name = EXCLUDED.client_name,
			    client_secret_hash = EXCLUDED.client_secret_hash,
			    client_secret_expires_at = EXCLUDED.client_secret_expires_at,
			    token_endpoint_auth_methods = EXCLUDED.token_endpoint_auth_methods,
			    grant_types = EXCLUDED.grant_types, redirect_uris = EXCLUDED.redirect_uris, scopes = EXCLUDED.scopes,
			    default_scopes = EXCLUDED.default_scopes, audiences = EXCLUDED.audiences,
			    organization_id = EXCLUDED.organization_id, organization_role = EXCLUDED.organization_role,
			    access_token_ttl_seconds = EXCLUDED.access_token_ttl_seconds, require_pkce = EXCLUDED.require_pkce,
			    jwks = EXCLUDED.jwks, jwks_uri = EXCLUDED.jwks_uri,
			    post_logout_redirect_uris = EXCLUDED.post_logout_redirect_uris,
			    require_consent = EXCLUDED.require_consent,
			    refresh_token_without_offline_access = EXCLUDED.refresh_token_without_offline_access,
			    refresh_token_idle_ttl_seconds = EXCLUDED.refresh_token_idle_ttl_seconds,
			    refresh_token_absolute_ttl_seconds = EXCLUDED.refresh_token_absolute_ttl_seconds, updated_at = now()""";

	private final DatabaseClient database;

	private final TokenProperties tokenProperties;

	R2dbcRegisteredClients(DatabaseClient database, TokenProperties tokenProperties) {
		this.database = database;
		this.tokenProperties = tokenProperties;
	}

	@Override
	public Mono<Client> findByClientId(String clientId) {
		return this.database.sql(SELECT).bind("clientId", clientId).map(this::toClient).one();
	}

	@Override
	public Mono<Client> lock(String clientId) {
		return this.database.sql(SELECT + " FOR UPDATE").bind("clientId", clientId).map(this::toClient).one();
	}

	@Override
	public Flux<Client> list(@Nullable String organizationId, @Nullable String afterClientId, int limit) {
		if (limit < 1) {
			throw new IllegalArgumentException("the limit must be positive, not " + limit);
		}
		DatabaseClient.GenericExecuteSpec spec = this.database.sql(LIST).bind("limit", limit);
		spec = bindNullable(spec, "org", organizationId, String.class);
		spec = bindNullable(spec, "after", afterClientId, String.class);
		return spec.map(this::toClient).all();
	}

	@Override
	public Mono<Client> delete(String clientId) {
		return this.database.sql(DELETE).bind("clientId", clientId).map(this::toClient).one();
	}

	@Override
	public Mono<Void> save(Client client) {
		RegisteredClient registration = client.registration();
		ClientSettings settings = registration.getClientSettings();
		DatabaseClient.GenericExecuteSpec spec = this.database.sql(UPSERT)
			.bind("clientId", registration.getClientId())
			.bind("clientName", registration.getClientName())
			.bind("authMethods",
					values(registration.getClientAuthenticationMethods(), ClientAuthenticationMethod::getValue))
			.bind("grantTypes", values(registration.getAuthorizationGrantTypes(), AuthorizationGrantType::getValue))
			.bind("redirectUris", registration.getRedirectUris().toArray(String[]::new))
			.bind("scopes", registration.getScopes().toArray(String[]::new))
			.bind("defaultScopes", client.defaultScope().tokens().toArray(String[]::new))
			.bind("audiences", client.audiences().toArray(String[]::new))
			.bind("ttl", (int) registration.getTokenSettings().getAccessTokenTimeToLive().toSeconds())
			.bind("requirePkce", settings.isRequireProofKey())
			.bind("postLogoutRedirectUris", registration.getPostLogoutRedirectUris().toArray(String[]::new))
			.bind("requireConsent", settings.isRequireAuthorizationConsent())
			.bind("refreshWithoutOfflineAccess", client.refreshTokens().withoutOfflineAccess());
		spec = bindNullable(spec, "refreshIdleTtl", seconds(client.refreshTokens().idleTimeToLive()), Integer.class);
		spec = bindNullable(spec, "refreshAbsoluteTtl", seconds(client.refreshTokens().absoluteTimeToLive()),
				Integer.class);
		spec = bindNullable(spec, "secretHash", registration.getClientSecret(), String.class);
		spec = bindNullable(spec, "secretExpiresAt",
				(registration.getClientSecretExpiresAt() != null)
						? registration.getClientSecretExpiresAt().atOffset(ZoneOffset.UTC) : null,
				OffsetDateTime.class);
		OrganizationRole organization = client.organization();
		spec = bindNullable(spec, "organizationId", (organization != null) ? organization.organizationId() : null,
				String.class);
		spec = bindNullable(spec, "organizationRole", (organization != null) ? organization.role() : null,
				String.class);
		spec = bindNullable(spec, "jwks", (client.jwks() != null) ? client.jwks().toString(true) : null, String.class);
		spec = bindNullable(spec, "jwksUri", settings.getJwkSetUrl(), String.class);
		return spec.then();
	}

	private static <T> DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec,
			String name, T value, Class<T> type) {
		return (value != null) ? spec.bind(name, value) : spec.bindNull(name, type);
	}

	private static Integer seconds(Duration duration) {
		return (duration != null) ? (int) duration.toSeconds() : null;
	}

	private static Duration duration(Integer seconds) {
		return (seconds != null) ? Duration.ofSeconds(seconds) : null;
	}

	private static <T> String[] values(Set<T> values, Function<T, String> value) {
		return values.stream().map(value).toArray(String[]::new);
	}

	private Client toClient(Readable row) {
		String clientId = row.get("client_id", String.class);
		Integer ttlSeconds = row.get("access_token_ttl_seconds", Integer.class);
		Duration ttl = (ttlSeconds != null) ? Duration.ofSeconds(ttlSeconds)
				: this.tokenProperties.accessTokenTimeToLive();
		OffsetDateTime secretExpiresAt = row.get("client_secret_expires_at", OffsetDateTime.class);
		ClientSettings.Builder settings = ClientSettings.builder()
			.requireProofKey(Boolean.TRUE.equals(row.get("require_pkce", Boolean.class)))
			.requireAuthorizationConsent(Boolean.TRUE.equals(row.get("require_consent", Boolean.class)));
		String jwksUri = row.get("jwks_uri", String.class);
		if (jwksUri != null) {
			settings.jwkSetUrl(jwksUri);
		}
		RegisteredClient registration = RegisteredClient.withId(clientId)
			.clientId(clientId)
			.clientName(row.get("client_name", String.class))
			.clientSecret(row.get("client_secret_hash", String.class))
			.clientSecretExpiresAt((secretExpiresAt != null) ? secretExpiresAt.toInstant() : null)
			.clientIdIssuedAt(row.get("created_at", OffsetDateTime.class).toInstant())
			.clientAuthenticationMethods((methods) -> strings(row, "token_endpoint_auth_methods")
				.forEach((method) -> methods.add(new ClientAuthenticationMethod(method))))
			.authorizationGrantTypes((grants) -> strings(row, "grant_types")
				.forEach((grant) -> grants.add(new AuthorizationGrantType(grant))))
			.redirectUris((uris) -> uris.addAll(strings(row, "redirect_uris")))
			.postLogoutRedirectUris((uris) -> uris.addAll(strings(row, "post_logout_redirect_uris")))
			.scopes((scopes) -> scopes.addAll(strings(row, "scopes")))
			.clientSettings(settings.build())
			.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(ttl).build())
			.build();
		String[] defaultScopes = row.get("default_scopes", String[].class);
		Scope defaultScope = (defaultScopes != null) ? Scope.of(Arrays.asList(defaultScopes))
				: Scope.of(strings(row, "scopes"));
		String organizationId = row.get("organization_id", String.class);
		OrganizationRole organization = (organizationId != null)
				? new OrganizationRole(organizationId, row.get("organization_role", String.class)) : null;
		RefreshTokenSettings refreshTokens = new RefreshTokenSettings(
				Boolean.TRUE.equals(row.get("refresh_token_without_offline_access", Boolean.class)),
				duration(row.get("refresh_token_idle_ttl_seconds", Integer.class)),
				duration(row.get("refresh_token_absolute_ttl_seconds", Integer.class)));
		return new Client(registration, defaultScope, strings(row, "audiences"), organization,
				jwks(clientId, row.get("jwks", String.class)), refreshTokens);
	}

	private static List<String> strings(Readable row, String column) {
		String[] values = row.get(column, String[].class);
		return (values != null) ? List.of(values) : List.of();
	}

	private static JWKSet jwks(String clientId, String json) {
		if (json == null) {
			return null;
		}
		try {
			return JWKSet.parse(json);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("the registered jwks of client " + clientId + " is not a JWK Set", ex);
		}
	}

}
