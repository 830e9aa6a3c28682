package dev.writ.server.apitoken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.writ.server.org.Memberships;
import dev.writ.server.org.OrganizationRole;
import dev.writ.server.org.RolePermissions;
import dev.writ.server.protocol.OpaqueTokens;
import dev.writ.server.protocol.Scope;
import dev.writ.server.token.RevocationList;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Creates, lists, revokes and introspects API tokens.
 *
 * <p>
 * The secret is {@value #PREFIX} and 256 random bits: the prefix lets secret scanners
 * recognize a leaked one, the randomness makes an unsalted SHA-256 (the only thing
 * stored) as good as the secret is unguessable. Looking a token up by that hash in a
 * unique index compares no secret in application code, so there is no comparison whose
 * timing could leak. A revocation is announced on the access-token revocation list under
 * the token's public id, which is also the {@code jti} introspection reports, so resource
 * servers refuse the token at once even while they cache the introspection answer.
 */
@Component
public final class ApiTokens {

	/** The prefix of every API-token secret. */
	public static final String PREFIX = "writ_pat_";

	private static final String COLUMNS = """
			id, organization_id, owner_user_id, created_by, name, scopes, created_at, expires_at, revoked_at,
			last_used_at""";

	private static final String INSERT = """
			INSERT INTO api_tokens (id, organization_id, owner_user_id, created_by, name, scopes, created_at,
			expires_at, token_hash)
			VALUES (:id, :org, :owner, :createdBy, :name, :scopes, :createdAt, :expiresAt, :hash)""";

	private static final String SELECT_POLICY = """
			SELECT max_lifetime_seconds FROM api_token_policies WHERE organization_id = :org""";

	private static final String UPSERT_POLICY = """
			INSERT INTO api_token_policies (organization_id, max_lifetime_seconds) VALUES (:org, :seconds)
			ON CONFLICT (organization_id) DO UPDATE SET max_lifetime_seconds = EXCLUDED.max_lifetime_seconds""";

	private static final String SELECT_BY_ORGANIZATION = "SELECT " + COLUMNS
			+ " FROM api_tokens WHERE organization_id = :org ORDER BY created_at, id";

	// A personal token acts for its owner, so it is inactive while the owner is disabled.
	private static final String SELECT_ACTIVE_BY_HASH = "SELECT " + COLUMNS + """
			 FROM api_tokens WHERE token_hash = :hash AND revoked_at IS NULL AND expires_at > :now
			AND NOT EXISTS (SELECT 1 FROM users WHERE users.id = api_tokens.owner_user_id AND users.disabled)""";

	// Revoking twice keeps the first time and announces again, which is harmless.
	private static final String REVOKE = """
			UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, :now) WHERE organization_id = :org AND id = :id
			RETURNING expires_at""";

	private final DatabaseClient database;

	private final Memberships memberships;

	private final RolePermissions rolePermissions;

	private final RevocationList revocationList;

	private final ApiTokenLastUse lastUse;

	private final Clock clock;

	private final Duration defaultMaxLifetime;

	ApiTokens(DatabaseClient database, Memberships memberships, RolePermissions rolePermissions,
			RevocationList revocationList, ApiTokenLastUse lastUse, Clock clock, ApiTokenProperties properties) {
		this.database = database;
		this.memberships = memberships;
		this.rolePermissions = rolePermissions;
		this.revocationList = revocationList;
		this.lastUse = lastUse;
		this.clock = clock;
		this.defaultMaxLifetime = properties.defaultMaxLifetime();
	}

	/** Whether {@code token} has the shape of an API-token secret. */
	public static boolean isApiToken(String token) {
		return token.startsWith(PREFIX);
	}

	/**
	 * Creates a token for {@code organizationId}; the secret is in the answer and nowhere
	 * else.
	 * @param ownerUserId the creator's own id for a personal token, {@code null} for one
	 * the organization owns
	 * @param lifetime how long it should work; shortened to the organization's maximum
	 * @param scope what the token may do: API scopes the permissions of the creator's
	 * role cover ({@code read:projects} needs {@code projects:read})
	 * @return the secret and metadata, or an {@link ApiTokenRefusedException}
	 */
	public Mono<CreatedApiToken> create(String organizationId, @Nullable String ownerUserId, String createdByUserId,
			String name, Scope scope, Duration lifetime) {
		return Mono.defer(() -> {
			checkRequest(ownerUserId, createdByUserId, name, scope, lifetime);
			return role(createdByUserId, organizationId)
				.switchIfEmpty(Mono.error(() -> new ApiTokenRefusedException(
						"the creator is not a member of the organization '" + organizationId + "'")))
				.flatMap((role) -> permissions(organizationId, role).flatMap((permissions) -> {
					Scope beyond = ApiTokenScopes.beyond(permissions, scope);
					if (!beyond.isEmpty()) {
						return Mono.error(new ApiTokenRefusedException(
								"the role '" + role + "' may not grant the scope '" + beyond + "'"));
					}
					return maxLifetime(organizationId);
				}))
				.flatMap((max) -> insert(organizationId, ownerUserId, createdByUserId, name, scope,
						(lifetime.compareTo(max) > 0) ? max : lifetime));
		});
	}

	private static void checkRequest(@Nullable String ownerUserId, String createdByUserId, String name, Scope scope,
			Duration lifetime) {
		if (ownerUserId != null && !ownerUserId.equals(createdByUserId)) {
			// Acting for another user needs that user's consent, which a token created by
			// someone else does not have.
			throw new ApiTokenRefusedException("a personal token can only be created by its owner");
		}
		if (name.isBlank() || name.length() > 200) {
			throw new ApiTokenRefusedException("a token needs a name of 1 to 200 characters");
		}
		if (scope.isEmpty()) {
			throw new ApiTokenRefusedException("a token needs at least one scope");
		}
		if (lifetime.isNegative() || lifetime.isZero()) {
			throw new ApiTokenRefusedException("a token's lifetime must be positive");
		}
	}

	private Mono<String> role(String userId, String organizationId) {
		return this.memberships.find(userId, organizationId).map(OrganizationRole::role);
	}

	/** What {@code role} may do now; nothing for a role that no longer exists. */
	private Mono<Set<String>> permissions(String organizationId, String role) {
		return this.rolePermissions.permissions(organizationId, role).defaultIfEmpty(Set.of());
	}

	/**
	 * The longest lifetime a new token of the organization may have: its policy, else
	 * {@code writ.api-tokens.default-max-lifetime}.
	 */
	public Mono<Duration> maxLifetime(String organizationId) {
		return this.database.sql(SELECT_POLICY)
			.bind("org", organizationId)
			.map((row) -> Duration.ofSeconds(Objects.requireNonNull(row.get("max_lifetime_seconds", Long.class))))
			.one()
			.defaultIfEmpty(this.defaultMaxLifetime);
	}

	private Mono<CreatedApiToken> insert(String organizationId, @Nullable String ownerUserId, String createdBy,
			String name, Scope scope, Duration lifetime) {
		String secret = OpaqueTokens.generate(PREFIX);
		// Whole seconds, as introspection reports them and PostgreSQL need not round.
		Instant now = Instant.ofEpochSecond(this.clock.instant().getEpochSecond());
		ApiToken token = new ApiToken("pat_" + OpaqueTokens.random(16), organizationId, ownerUserId, createdBy, name,
				scope, now, now.plus(lifetime), null, null);
		DatabaseClient.GenericExecuteSpec insert = this.database.sql(INSERT)
			.bind("id", token.id())
			.bind("org", organizationId)
			.bind("createdBy", createdBy)
			.bind("name", name)
			.bind("scopes", scope.tokens().toArray(String[]::new))
			.bind("createdAt", token.createdAt())
			.bind("expiresAt", token.expiresAt())
			.bind("hash", OpaqueTokens.hash(secret));
		insert = (ownerUserId != null) ? insert.bind("owner", ownerUserId) : insert.bindNull("owner", String.class);
		return insert.then().thenReturn(new CreatedApiToken(secret, token));
	}

	/**
	 * Sets the organization's maximum token lifetime, or with {@code null} returns it to
	 * the default; tokens that exist keep their expiry. Runs in the caller's transaction,
	 * if any.
	 */
	public Mono<Void> setMaxLifetime(String organizationId, @Nullable Duration maxLifetime) {
		if (maxLifetime == null) {
			return this.database.sql("DELETE FROM api_token_policies WHERE organization_id = :org")
				.bind("org", organizationId)
				.then();
		}
		return this.database.sql(UPSERT_POLICY)
			.bind("org", organizationId)
			.bind("seconds", Math.max(1, maxLifetime.toSeconds()))
			.then();
	}

	/** The organization's tokens, oldest first, revoked and expired ones included. */
	public Flux<ApiToken> list(String organizationId) {
		return this.database.sql(SELECT_BY_ORGANIZATION).bind("org", organizationId).map(ApiTokens::token).all();
	}

	/**
	 * Revokes a token and announces it to every resource server.
	 * @return empty, or an {@link ApiTokenNotFoundException}
	 */
	public Mono<Void> revoke(String organizationId, String id) {
		return this.database.sql(REVOKE)
			.bind("now", this.clock.instant())
			.bind("org", organizationId)
			.bind("id", id)
			.map((row) -> Objects.requireNonNull(row.get("expires_at", Instant.class)))
			.one()
			.switchIfEmpty(Mono.error(() -> new ApiTokenNotFoundException(organizationId, id)))
			.flatMap((expiresAt) -> this.revocationList.revoke(id, expiresAt));
	}

	/**
	 * The token whose secret is {@code secret} when it is active (RFC 7662 §2.2): known,
	 * not revoked, not expired, and for a personal token its owner still a member and not
	 * disabled. Notes the use.
	 */
	public Mono<ActiveApiToken> introspect(String secret) {
		if (!isApiToken(secret)) {
			return Mono.empty();
		}
		return this.database.sql(SELECT_ACTIVE_BY_HASH)
			.bind("hash", OpaqueTokens.hash(secret))
			.bind("now", this.clock.instant())
			.map(ApiTokens::token)
			.one()
			.flatMap(this::active)
			.flatMap((active) -> this.lastUse.record(active.id()).thenReturn(active));
	}

	private Mono<ActiveApiToken> active(ApiToken token) {
		String owner = token.ownerUserId();
		if (owner == null) {
			return Mono.just(new ActiveApiToken(token.id(), token.organizationId(), token.id(), null, token.scope(),
					token.createdAt(), token.expiresAt()));
		}
		return role(owner, token.organizationId()).flatMap((role) -> permissions(token.organizationId(), role)
			.map((permissions) -> new ActiveApiToken(token.id(), token.organizationId(), owner, role,
					ApiTokenScopes.within(permissions, token.scope()), token.createdAt(), token.expiresAt())));
	}

	private static ApiToken token(Readable row) {
		String[] scopes = row.get("scopes", String[].class);
		return new ApiToken(row.get("id", String.class), row.get("organization_id", String.class),
				row.get("owner_user_id", String.class), row.get("created_by", String.class),
				row.get("name", String.class), Scope.of(List.of((scopes != null) ? scopes : new String[0])),
				row.get("created_at", Instant.class), row.get("expires_at", Instant.class),
				row.get("revoked_at", Instant.class), row.get("last_used_at", Instant.class));
	}

}
