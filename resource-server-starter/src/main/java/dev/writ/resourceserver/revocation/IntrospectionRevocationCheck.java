package dev.writ.resourceserver.revocation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Asks the authorization server's introspection endpoint whether a token is still active,
 * authenticating with client_secret_basic, and reuses the answer for the same token for
 * {@code cacheTtl} (never past the token's {@code exp}). A revocation is therefore seen
 * within {@code cacheTtl}; when the endpoint cannot be reached the {@link FailurePolicy}
 * decides.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7662#section-2">RFC 7662 §2</a>
 */
public final class IntrospectionRevocationCheck implements RevocationCheck {

	/**
	 * Past this many cached answers, expired ones are dropped; past it still, the cache
	 * starts over.
	 */
	static final int MAX_CACHED = 10_000;

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private static final Log logger = LogFactory.getLog(IntrospectionRevocationCheck.class);

	private final Mono<String> endpoint;

	private final WebClient webClient;

	private final String authorization;

	private final Duration cacheTtl;

	private final FailurePolicy failurePolicy;

	private final Clock clock;

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	public IntrospectionRevocationCheck(Mono<String> endpoint, WebClient webClient, String clientId,
			String clientSecret, Duration cacheTtl, FailurePolicy failurePolicy, Clock clock) {
		this.endpoint = endpoint;
		this.webClient = webClient;
		this.authorization = basic(clientId, clientSecret);
		this.cacheTtl = cacheTtl;
		this.failurePolicy = failurePolicy;
		this.clock = clock;
	}

	// RFC 6749 §2.3.1: the id and secret are form-encoded before they are joined and
	// base64-encoded.
	private static String basic(String clientId, String clientSecret) {
		String credentials = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
				+ URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
		return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public Mono<Void> check(Jwt token) {
		Instant now = this.clock.instant();
		Answer cached = this.answers.get(token.getId());
		if (cached != null && now.isBefore(cached.until())) {
			return decide(cached.active());
		}
		return introspect(token).doOnNext((active) -> remember(token, active, now))
			.flatMap(this::decide)
			.onErrorResume((ex) -> !(ex instanceof JwtException), this::unreachable);
	}

	private Mono<Boolean> introspect(Jwt token) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("token", token.getTokenValue());
		form.add("token_type_hint", "access_token");
		return this.endpoint
			.flatMap((uri) -> this.webClient.post()
				.uri(uri)
				.header("Authorization", this.authorization)
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.accept(MediaType.APPLICATION_JSON)
				.body(BodyInserters.fromFormData(form))
				.retrieve()
				.bodyToMono(JSON_OBJECT)
				.timeout(TIMEOUT))
			.map((response) -> Boolean.TRUE.equals(response.get("active")));
	}

	private Mono<Void> decide(boolean active) {
		return active ? Mono.empty() : RevocationCheck.revoked();
	}

	private Mono<Void> unreachable(Throwable ex) {
		if (this.failurePolicy == FailurePolicy.REJECT) {
			logger.warn("Introspection failed, rejecting the token: " + ex.getMessage());
			return RevocationCheck.unavailable();
		}
		logger.warn("Introspection failed, accepting the token (failure policy accept): " + ex.getMessage());
		return Mono.empty();
	}

	private void remember(Jwt token, boolean active, Instant now) {
		if (this.answers.size() >= MAX_CACHED) {
			this.answers.values().removeIf((answer) -> !now.isBefore(answer.until()));
			if (this.answers.size() >= MAX_CACHED) {
				this.answers.clear();
			}
		}
		Instant until = now.plus(this.cacheTtl);
		if (token.getExpiresAt() != null && token.getExpiresAt().isBefore(until)) {
			until = token.getExpiresAt();
		}
		this.answers.put(token.getId(), new Answer(active, until));
	}

	private record Answer(boolean active, Instant until) {

	}

}
