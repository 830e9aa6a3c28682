package dev.writ.resourceserver.revocation;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Decodes and validates with the given decoder, then asks the {@link RevocationCheck}.
 *
 * <p>
 * Any failure that is not already a {@link JwtException} (a bug, an unreachable key
 * server surfacing as an {@code IllegalStateException}) becomes one here, so that
 * Spring's authentication manager turns it into an authentication error the entry point
 * answers instead of letting it escape as a 500.
 */
public final class RevocationCheckingJwtDecoder implements ReactiveJwtDecoder {

	private final ReactiveJwtDecoder delegate;

	private final RevocationCheck revocationCheck;

	public RevocationCheckingJwtDecoder(ReactiveJwtDecoder delegate, RevocationCheck revocationCheck) {
		this.delegate = delegate;
		this.revocationCheck = revocationCheck;
	}

	@Override
	public Mono<Jwt> decode(String token) throws JwtException {
		return Mono.defer(() -> this.delegate.decode(token))
			.flatMap((jwt) -> this.revocationCheck.check(jwt).thenReturn(jwt))
			.onErrorMap((ex) -> !(ex instanceof JwtException),
					(ex) -> new JwtException("the token could not be verified: " + ex.getMessage(), ex));
	}

}
