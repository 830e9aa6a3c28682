package dev.writ.resourceserver.apitoken;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.writ.resourceserver.introspection.ExpiringAnswers;
import dev.writ.resourceserver.introspection.IntrospectionClient;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Mono;

/**
 * Turns an API token ({@value #PREFIX}...) into a {@link Jwt} by asking the authorization
 * server's introspection endpoint (RFC 7662 §2), authenticating with client_secret_basic.
 * The answer carries the token contract's claims ({@code sub}, {@code client_id},
 * {@code scope}, {@code org}, {@code role}, {@code jti}, {@code exp}), so the {@code Jwt}
 * built from it gets the same principal, authorities and revocation check as a signed
 * access token. Its header is {@code typ: writ_pat}: it was never signed, and says so.
 *
 * <p>
 * An active answer is reused for {@code cacheTtl}, never past the token's {@code exp},
 * keyed by the SHA-256 of the secret so the cache holds no secret. A revocation within
 * that time is still seen at once: it arrives on the revocation channel under the token's
 * {@code jti}. Inactive answers are not cached, so a new token works at once.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7662#section-2">RFC 7662 §2</a>
 */
public final class ApiTokenIntrospector {

	/** The prefix of every API-token secret. */
	public static final String PREFIX = "writ_pat_";

	/** The {@code typ} header of the {@code Jwt} that stands for an API token. */
	public static final String TOKEN_TYPE = "writ_pat";

	/** The description a client sees for an unknown, expired or revoked API token. */
	static final String INACTIVE = "API token not active";

	/** The description a client sees when the introspection endpoint cannot answer. */
	static final String UNAVAILABLE = "API token status unavailable";

	private static final List<String> STRING_CLAIMS = List.of("sub", "client_id", "scope", "org", "role", "jti", "iss");

	private static final Log logger = LogFactory.getLog(ApiTokenIntrospector.class);

	private final IntrospectionClient client;

	private final Duration cacheTtl;

	private final Clock clock;

	private final ExpiringAnswers<Jwt> answers = new ExpiringAnswers<>();

	public ApiTokenIntrospector(Mono<String> endpoint, WebClient webClient, String clientId, String clientSecret,
			Duration cacheTtl, Clock clock) {
		this.client = new IntrospectionClient(endpoint, webClient, clientId, clientSecret);
		this.cacheTtl = cacheTtl;
		this.clock = clock;
	}

	/** Whether {@code token} has the shape of an API token. */
	public static boolean isApiToken(String token) {
		return token.startsWith(PREFIX);
	}

	/**
	 * The API token as a {@code Jwt}, or a {@link BadJwtException} (a 401
	 * {@code invalid_token}) when it is not active or cannot be introspected.
	 */
	public Mono<Jwt> introspect(String token) {
		if (!isApiToken(token)) {
			return Mono.error(new BadJwtException("not an API token"));
		}
		String key = hash(token);
		Instant now = this.clock.instant();
		Jwt cached = this.answers.get(key, now);
		if (cached != null) {
			return Mono.just(cached);
		}
		return ask(token).onErrorMap((ex) -> !(ex instanceof BadJwtException), (ex) -> {
			logger.warn("Introspecting an API token failed: " + ex.getMessage());
			return new BadJwtException(UNAVAILABLE, ex);
		}).doOnNext((jwt) -> remember(key, jwt, now));
	}

	private Mono<Jwt> ask(String token) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("token", token);
		return this.client.introspect(form).flatMap((response) -> {
			Jwt jwt = toJwt(token, response);
			return (jwt != null) ? Mono.just(jwt) : Mono.error(new BadJwtException(INACTIVE));
		});
	}

	/**
	 * The token as a {@code Jwt}, or {@code null} when the answer is inactive (§2.2) or
	 * lacks what the token contract requires.
	 */
	private @Nullable Jwt toJwt(String token, Map<String, Object> response) {
		if (!Boolean.TRUE.equals(response.get("active")) || !(response.get("exp") instanceof Number exp)
				|| !(response.get("sub") instanceof String) || !(response.get("jti") instanceof String)) {
			return null;
		}
		Instant expiresAt = Instant.ofEpochSecond(exp.longValue());
		if (!this.clock.instant().isBefore(expiresAt)) {
			return null;
		}
		Jwt.Builder jwt = Jwt.withTokenValue(token).header("typ", TOKEN_TYPE).expiresAt(expiresAt);
		for (String name : STRING_CLAIMS) {
			if (response.get(name) instanceof String value) {
				jwt.claim(name, value);
			}
		}
		if (response.get("iat") instanceof Number iat) {
			jwt.issuedAt(Instant.ofEpochSecond(iat.longValue()));
		}
		return jwt.build();
	}

	private void remember(String key, Jwt jwt, Instant now) {
		Instant until = now.plus(this.cacheTtl);
		Instant expiresAt = jwt.getExpiresAt();
		this.answers.put(key, jwt, (expiresAt != null && expiresAt.isBefore(until)) ? expiresAt : until, now);
	}

	private static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

}
