package dev.writ.resourceserver.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.writ.resourceserver.revocation.FailurePolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Writ resource server. The issuer comes from Spring Boot's own
 * spring.security.oauth2.resourceserver.jwt.issuer-uri (and optionally jwk-set-uri).
 *
 * @param audience This service's identifier, as the authorization server writes it into
 * the aud claim of tokens meant for it (for example https://api.example.com). Required: a
 * token minted for another service is refused.
 * @param clockSkew Tolerance when checking exp and nbf against this machine's clock.
 * @param algorithms JWS algorithms accepted in token headers. Only asymmetric algorithms:
 * none and the HMAC algorithms are refused at start-up, since a verifier that holds the
 * key could forge tokens.
 * @param revocation How revoked tokens are recognized.
 * @param apiTokens How API tokens (writ_pat_...) are accepted.
 * @param rolePermissions Permissions per organization role (the role claim's value, e.g.
 * admin or an organization's custom role), replacing the built-in mapping for each role
 * named here; roles not named keep the built-in permissions (owner, admin, member), and
 * unmapped custom roles grant none.
 */
@ConfigurationProperties("writ.resource-server")
public record WritResourceServerProperties(@Nullable String audience, @DefaultValue("30s") Duration clockSkew,
		@DefaultValue( {
				"RS256", "ES256", "EdDSA" }) List<String> algorithms,
		@DefaultValue Revocation revocation, @DefaultValue ApiTokens apiTokens,
		@Nullable Map<String, List<String>> rolePermissions){

	/** The property that names this service's audience. */
	public static final String AUDIENCE_PROPERTY = "writ.resource-server.audience";

	/**
	 * How revoked tokens are recognized.
	 *
	 * @param mode Where revocations come from. Defaults to redis when the application has
	 * a Redis connection factory, else none.
	 * @param failurePolicy What to do with a token once revocation data is older than
	 * max-staleness (Redis unreachable) or the introspection endpoint fails: reject
	 * answers 401, accept lets the token through and logs.
	 * @param maxStaleness How long the in-memory revocation list may go without
	 * confirmation from Redis before the failure policy applies.
	 * @param clientId Client id this service authenticates with at the introspection
	 * endpoint (mode introspection).
	 * @param clientSecret Client secret for the introspection endpoint
	 * (client_secret_basic).
	 * @param introspectionUri Introspection endpoint; discovered from the issuer's
	 * metadata when not set.
	 * @param cacheTtl How long an introspection answer is reused for the same token.
	 */
	public record Revocation(@Nullable RevocationMode mode, @DefaultValue("reject") FailurePolicy failurePolicy,
			@DefaultValue("30s") Duration maxStaleness, @Nullable String clientId, @Nullable String clientSecret,
			@Nullable String introspectionUri, @DefaultValue("10s") Duration cacheTtl) {

	}

	/**
	 * How API tokens (writ_pat_...) are accepted: the authorization server introspects
	 * them (RFC 7662) for this service. Without a client-id they are refused.
	 *
	 * @param clientId Client id this service authenticates with at the introspection
	 * endpoint; API tokens are accepted only when it is set.
	 * @param clientSecret Client secret for the introspection endpoint
	 * (client_secret_basic).
	 * @param introspectionUri Introspection endpoint; discovered from the issuer's
	 * metadata when not set.
	 * @param cacheTtl How long an active introspection answer is reused for the same
	 * token. A revocation is still seen at once through the revocation channel; the TTL
	 * bounds how stale the scopes and role may be, and how late a use reaches the token's
	 * last-used time (the authorization server adds its own flush interval, 30 seconds by
	 * default, to keep the total within a minute).
	 */
	public record ApiTokens(@Nullable String clientId, @Nullable String clientSecret, @Nullable String introspectionUri,
			@DefaultValue("30s") Duration cacheTtl) {

	}

	/** Where revocations come from. */
	public enum RevocationMode {

		/**
		 * The Redis revocation list, mirrored in memory and kept current by pub/sub: no
		 * network call per request.
		 */
		REDIS,

		/** RFC 7662 introspection of each token, answers cached for cache-ttl. */
		INTROSPECTION,

		/** Revoked tokens stay valid until they expire. */
		NONE

	}

}
