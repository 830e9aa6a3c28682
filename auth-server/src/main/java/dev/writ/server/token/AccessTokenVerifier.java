package dev.writ.server.token;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.writ.server.WritProperties;
import dev.writ.server.jwk.JwkVerifiers;
import dev.writ.server.jwk.SigningKeys;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Recognizes access tokens this server issued, for introspection and revocation: a JWS
 * signed by one of the published keys, typed {@code at+jwt}, from this issuer. Completes
 * empty for anything else; it never says why, because RFC 7662 §2.2 and RFC 7009 §2.2
 * answer every unusable token the same way.
 */
@Component
public final class AccessTokenVerifier {

	private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

	private final SigningKeys signingKeys;

	private final String issuer;

	private final Clock clock;

	public AccessTokenVerifier(SigningKeys signingKeys, WritProperties properties, Clock clock) {
		this.signingKeys = signingKeys;
		this.issuer = properties.issuer().toString();
		this.clock = clock;
	}

	/**
	 * The claims of {@code token} when its signature is ours, whether or not it has
	 * expired.
	 */
	public Mono<JWTClaimsSet> verifySignature(String token) {
		SignedJWT jwt;
		try {
			jwt = SignedJWT.parse(token);
		}
		catch (ParseException ex) {
			return Mono.empty();
		}
		if (!AccessTokenIssuer.AT_JWT.equals(jwt.getHeader().getType()) || jwt.getHeader().getKeyID() == null) {
			return Mono.empty();
		}
		return this.signingKeys.publishedKey(jwt.getHeader().getKeyID())
			.filter((key) -> JwkVerifiers.verifies(jwt, key))
			.flatMap((key) -> claims(jwt))
			.filter((claims) -> this.issuer.equals(claims.getIssuer()) && claims.getJWTID() != null
					&& claims.getExpirationTime() != null);
	}

	/** The claims of {@code token} when it is ours and has not expired. */
	public Mono<JWTClaimsSet> verify(String token) {
		return verifySignature(token).filter(this::current);
	}

	private boolean current(JWTClaimsSet claims) {
		Instant now = this.clock.instant();
		Date notBefore = claims.getNotBeforeTime();
		return claims.getExpirationTime().toInstant().isAfter(now.minus(CLOCK_SKEW))
				&& (notBefore == null || !notBefore.toInstant().isAfter(now.plus(CLOCK_SKEW)));
	}

	private static Mono<JWTClaimsSet> claims(SignedJWT jwt) {
		try {
			return Mono.just(jwt.getJWTClaimsSet());
		}
		catch (ParseException ex) {
			return Mono.empty();
		}
	}

}
