package dev.writ.resourceserver.revocation;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Decides whether a token that passed validation has been revoked since it was issued.
 * The starter's decoder asks it after the signature and claims checks; an application
 * that declares its own {@code ReactiveJwtDecoder} can keep the check by wrapping its
 * decoder in a {@link RevocationCheckingJwtDecoder}.
 */
@FunctionalInterface
public interface RevocationCheck {

	/** The description a client sees in {@code error_description} for a revoked token. */
	String REVOKED = "token revoked";

	/**
	 * The description a client sees when revocation status is unknown and the failure
	 * policy is {@code reject}.
	 */
	String UNAVAILABLE = "token revocation status unavailable";

	/**
	 * Completes empty when the token may be used; otherwise errors with a
	 * {@link BadJwtException} whose message is {@link #REVOKED} or {@link #UNAVAILABLE},
	 * which the client receives as a 401 {@code invalid_token}.
	 */
	Mono<Void> check(Jwt token);

	static Mono<Void> revoked() {
		return Mono.error(new BadJwtException(REVOKED));
	}

	static Mono<Void> unavailable() {
		return Mono.error(new BadJwtException(UNAVAILABLE));
	}

}
