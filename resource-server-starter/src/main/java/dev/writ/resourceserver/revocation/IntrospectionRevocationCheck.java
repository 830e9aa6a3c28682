package dev.writ.resourceserver.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.writ.resourceserver.introspection.ExpiringAnswers;
import dev.writ.resourceserver.introspection.IntrospectionClient;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Mono;

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

	private static final Log logger = LogFactory.getLog(IntrospectionRevocationCheck.class);

	private final IntrospectionClient client;

	private final Duration cacheTtl;

	private final FailurePolicy failurePolicy;

	private final Clock clock;

	private final ExpiringAnswers<Boolean> answers = new ExpiringAnswers<>();

	public IntrospectionRevocationCheck(Mono<String> endpoint, WebClient webClient, String clientId,
			String clientSecret, Duration cacheTtl, FailurePolicy failurePolicy, Clock clock) {
		this.client = new IntrospectionClient(endpoint, webClient, clientId, clientSecret);
		this.cacheTtl = cacheTtl;
		this.failurePolicy = failurePolicy;
		this.clock = clock;
	}

	@Override
	public Mono<Void> check(Jwt token) {
		Instant now = this.clock.instant();
		Boolean cached = this.answers.get(token.getId(), now);
		if (cached != null) {
			return decide(cached);
		}
		return introspect(token).doOnNext((active) -> remember(token, active, now))
			.flatMap(this::decide)
			.onErrorResume((ex) -> !(ex instanceof JwtException), this::unreachable);
	}

	private Mono<Boolean> introspect(Jwt token) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("token", token.getTokenValue());
		form.add("token_type_hint", "access_token");
		return this.client.introspect(form).map((response) -> Boolean.TRUE.equals(response.get("active")));
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
		Instant until = now.plus(this.cacheTtl);
		if (token.getExpiresAt() != null && token.getExpiresAt().isBefore(until)) {
			until = token.getExpiresAt();
		}
		this.answers.put(token.getId(), active, until, now);
	}

}
