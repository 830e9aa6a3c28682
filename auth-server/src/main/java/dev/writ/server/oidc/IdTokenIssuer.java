package dev.writ.server.oidc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.writ.server.WritProperties;
import dev.writ.server.jwk.SigningKey;
import dev.writ.server.jwk.SigningKeys;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Mints ID tokens (OpenID Connect Core §2 and §3.1.3.6). Their {@code typ} is
 * {@code JWT}, never {@code at+jwt}, so no resource server following RFC 9068 accepts one
 * as an access token.
 */
@Component
public final class IdTokenIssuer {

	/**
	 * The {@code acr} of a single-factor sign-in, as a level of assurance (the convention
	 * Keycloak follows: 1 for one factor, 2 for two).
	 */
	static final String SINGLE_FACTOR = "1";

	private final SigningKeys signingKeys;

	private final String issuer;

	private final Clock clock;

	IdTokenIssuer(SigningKeys signingKeys, WritProperties properties, Clock clock) {
		this.signingKeys = signingKeys;
		this.issuer = properties.issuer().toString();
		this.clock = clock;
	}

	public Mono<String> issue(IdTokenRequest request) {
		return this.signingKeys.current().map((key) -> sign(key, request));
	}

	private String sign(SigningKey key, IdTokenRequest request) {
		Instant issuedAt = Instant.ofEpochSecond(this.clock.instant().getEpochSecond());
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(this.issuer)
			.subject(request.subject())
			.audience(request.clientId())
			.claim("azp", request.clientId())
			.issueTime(Date.from(issuedAt))
			.expirationTime(Date.from(issuedAt.plus(request.timeToLive())))
			.claim("auth_time", request.authTime().getEpochSecond())
			.claim("sid", request.sessionId())
			.claim("acr", SINGLE_FACTOR)
			.claim("amr", request.amr())
			.claim("at_hash", accessTokenHash(request.accessToken(), key.algorithm()));
		if (request.nonce() != null) {
			claims.claim("nonce", request.nonce());
		}
		return key.sign(JOSEObjectType.JWT, claims.build());
	}

	/**
	 * OpenID Connect Core §3.1.3.6: the left half of the hash of the access token, with
	 * the hash of the signing algorithm; for EdDSA with Ed25519 that is SHA-512, as
	 * OpenID's errata settle it.
	 */
	static String accessTokenHash(String accessToken, JWSAlgorithm algorithm) {
		String name = algorithm.getName();
		String digest = name.endsWith("384") ? "SHA-384" : (name.endsWith("512") || JWSAlgorithm.EdDSA.equals(algorithm)
				|| JWSAlgorithm.Ed25519.equals(algorithm)) ? "SHA-512" : "SHA-256";
		try {
			byte[] hash = MessageDigest.getInstance(digest).digest(accessToken.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, hash.length / 2));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has " + digest, ex);
		}
	}

}
