package dev.writ.server.client.authentication;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.writ.server.WritProperties;
import dev.writ.server.client.Client;
import dev.writ.server.jwk.JwkVerifiers;
import dev.writ.server.protocol.OAuth2Exception;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Verifies a {@code private_key_jwt} client assertion: RFC 7523 §3 checked in its order,
 * then the signature against the client's registered keys, then single use.
 */
@Component
final class ClientAssertionVerifier {

	/**
	 * Asymmetric algorithms only: a shared-secret MAC would make the client secret a
	 * signing key.
	 */
	private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
			JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
			JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);

	private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

	/** Bounds how long a jti must be remembered to refuse a replay. */
	private static final Duration MAX_LIFETIME = Duration.ofMinutes(10);

	private final ClientKeys clientKeys;

	private final ClientAssertionReplayCache replayCache;

	private final WritProperties properties;

	private final Clock clock;

	ClientAssertionVerifier(ClientKeys clientKeys, ClientAssertionReplayCache replayCache, WritProperties properties,
			Clock clock) {
		this.clientKeys = clientKeys;
		this.replayCache = replayCache;
		this.properties = properties;
		this.clock = clock;
	}

	Mono<Client> verify(Client client, String assertion, String endpoint) {
		SignedJWT jwt = ClientAssertion.parse(assertion);
		JWTClaimsSet claims = checkClaims(client.clientId(), jwt, endpoint);
		if (!ALGORITHMS.contains(jwt.getHeader().getAlgorithm())) {
			return Mono.error(OAuth2Exception.invalidClient("client_assertion algorithm is not allowed"));
		}
		return this.clientKeys.keys(client)
			.flatMap((keys) -> verifySignature(jwt, keys) ? Mono.just(client)
					: Mono.error(OAuth2Exception.invalidClient("client_assertion signature is invalid")))
			.flatMap((verified) -> this.replayCache
				.firstUse(client.clientId(), claims.getJWTID(), claims.getExpirationTime().toInstant())
				.flatMap((first) -> first ? Mono.just(verified)
						: Mono.error(OAuth2Exception.invalidClient("client_assertion has been used before"))));
	}

	private JWTClaimsSet checkClaims(String clientId, SignedJWT jwt, String endpoint) {
		JWTClaimsSet claims;
		try {
			claims = jwt.getJWTClaimsSet();
		}
		catch (ParseException ex) {
			throw OAuth2Exception.invalidClient("client_assertion has malformed claims");
		}
		Instant now = this.clock.instant();
		// §3 items 1 and 2: iss and sub are both the client id.
		if (!clientId.equals(claims.getIssuer()) || !clientId.equals(claims.getSubject())) {
			throw OAuth2Exception.invalidClient("client_assertion iss and sub must be the client id");
		}
		// §3 item 3: the audience identifies this server: its issuer, or the endpoint
		// called.
		List<String> audience = claims.getAudience();
		if (audience == null || (!audience.contains(this.properties.issuer().toString()) && !audience.contains(endpoint)
				&& !audience.contains(this.properties.endpoint("/oauth2/token")))) {
			throw OAuth2Exception.invalidClient("client_assertion audience does not identify this server");
		}
		// §3 item 4: exp is required and in the future; we also bound it so jti need not
		// be kept long.
		Date expiration = claims.getExpirationTime();
		if (expiration == null || !expiration.toInstant().isAfter(now.minus(CLOCK_SKEW))) {
			throw OAuth2Exception.invalidClient("client_assertion has expired or has no exp");
		}
		if (expiration.toInstant().isAfter(now.plus(MAX_LIFETIME))) {
			throw OAuth2Exception.invalidClient("client_assertion exp is too far in the future");
		}
		// §3 items 5 and 6: not used before nbf, and iat (when present) not in the
		// future.
		Date notBefore = claims.getNotBeforeTime();
		Date issuedAt = claims.getIssueTime();
		if ((notBefore != null && notBefore.toInstant().isAfter(now.plus(CLOCK_SKEW)))
				|| (issuedAt != null && issuedAt.toInstant().isAfter(now.plus(CLOCK_SKEW)))) {
			throw OAuth2Exception.invalidClient("client_assertion is not yet valid");
		}
		// §3 item 7: jti lets the server refuse a replay.
		if (claims.getJWTID() == null) {
			throw OAuth2Exception.invalidClient("client_assertion has no jti");
		}
		return claims;
	}

	private static boolean verifySignature(SignedJWT jwt, JWKSet keys) {
		List<JWK> candidates = new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader())).select(keys);
		for (JWK key : candidates) {
			try {
				JWSVerifier verifier = JwkVerifiers.create(jwt.getHeader(), key);
				if (verifier != null && jwt.verify(verifier)) {
					return true;
				}
			}
			catch (JOSEException ex) {
				// a key of the wrong kind for this algorithm: try the next one
			}
		}
		return false;
	}

}
