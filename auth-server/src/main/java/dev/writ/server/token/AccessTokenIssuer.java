package dev.writ.server.token;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.writ.server.WritProperties;
import dev.writ.server.jwk.SigningKey;
import dev.writ.server.jwk.SigningKeys;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Mints access tokens as RFC 9068 JWTs with the claims of Writ's token contract, and
 * notes each under its client ({@link ClientAccessTokens}), so that deleting the client
 * reaches every token it still holds, whichever grant issued it. In an organization
 * context the token says the role ({@code role}) and what it allows ({@code permissions},
 * a JSON array): a resource server knows the built-in roles, but only the token can tell
 * it what an organization's own role may do.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9068#section-2">RFC 9068 §2</a>
 */
@Component
public final class AccessTokenIssuer {

	/** RFC 9068 §2.1: the {@code typ} header of a JWT access token. */
	public static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SigningKeys signingKeys;

	private final String issuer;

	private final Clock clock;

	private final ClientAccessTokens clientAccessTokens;

	public AccessTokenIssuer(SigningKeys signingKeys, WritProperties properties, Clock clock,
			ClientAccessTokens clientAccessTokens) {
		this.signingKeys = signingKeys;
		this.issuer = properties.issuer().toString();
		this.clock = clock;
		this.clientAccessTokens = clientAccessTokens;
	}

	/**
	 * Signs the token and notes it under its client before handing it out, so no token
	 * leaves the server that deleting its client would miss.
	 */
	public Mono<IssuedAccessToken> issue(AccessTokenRequest request) {
		return this.signingKeys.current()
			.map((key) -> sign(key, request))
			.flatMap((token) -> this.clientAccessTokens.add(request.clientId(), token.tokenId(), token.expiresAt())
				.thenReturn(token));
	}

	private IssuedAccessToken sign(SigningKey key, AccessTokenRequest request) {
		// JWT times have one-second precision; truncating keeps expires_in and exp in
		// agreement.
		Instant issuedAt = Instant.ofEpochSecond(this.clock.instant().getEpochSecond());
		Instant expiresAt = issuedAt.plus(request.timeToLive());
		String tokenId = newTokenId();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(this.issuer)
			.subject(request.subject())
			.audience(request.audiences())
			.claim("client_id", request.clientId())
			.issueTime(Date.from(issuedAt))
			.expirationTime(Date.from(expiresAt))
			.jwtID(tokenId);
		if (!request.scope().isEmpty()) {
			claims.claim("scope", request.scope().toString());
		}
		if (request.sessionId() != null) {
			claims.claim("sid", request.sessionId());
		}
		if (request.authTime() != null) {
			claims.claim("auth_time", request.authTime().getEpochSecond());
		}
		if (request.organization() != null) {
			claims.claim("org", request.organization().organizationId())
				.claim("role", request.organization().role())
				.claim("permissions", List.copyOf(request.permissions()));
		}
		return new IssuedAccessToken(key.sign(AT_JWT, claims.build()), tokenId, issuedAt, expiresAt, request.scope());
	}

	/** 128 random bits: unguessable and unique without coordination between nodes. */
	private static String newTokenId() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
