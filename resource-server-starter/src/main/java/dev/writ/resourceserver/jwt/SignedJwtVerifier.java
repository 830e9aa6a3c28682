package dev.writ.resourceserver.jwt;

import java.text.ParseException;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.jwt.BadJwtException;

/**
 * Checks a JWS against the issuer's published keys and hands its claims to
 * {@code NimbusReactiveJwtDecoder}, which then runs the claim validators.
 *
 * <p>
 * Spring's own JWK-set processor turns keys into {@code java.security.Key}s, which Nimbus
 * cannot do for Ed25519 (an {@code OKP} key), so EdDSA tokens would never verify. This
 * one picks a Nimbus verifier per JWK instead: RSA, EC, and Ed25519 (through Tink, which
 * Nimbus uses for it).
 *
 * <p>
 * The checks run in this order: the token is a JWS (not {@code alg: none}, not a JWE);
 * its {@code alg} is on the allow-list, so a verifier never sees HMAC or anything else
 * the list leaves out; a key with the token's {@code kid}, type and curve exists; the
 * signature verifies with it.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8725#section-3.1">RFC 8725 §3.1
 * (algorithm verification)</a>
 */
public final class SignedJwtVerifier implements Converter<JWT, Mono<JWTClaimsSet>> {

	private final Set<JWSAlgorithm> algorithms;

	private final JwkSetCache keys;

	public SignedJwtVerifier(Set<JWSAlgorithm> algorithms, JwkSetCache keys) {
		this.algorithms = Set.copyOf(algorithms);
		this.keys = keys;
	}

	@Override
	public Mono<JWTClaimsSet> convert(JWT jwt) {
		if (!(jwt instanceof SignedJWT jws)) {
			return Mono.error(new BadJwtException("the token is not a signed JWT"));
		}
		JWSHeader header = jws.getHeader();
		if (!this.algorithms.contains(header.getAlgorithm())) {
			return Mono
				.error(new BadJwtException("the token's algorithm " + header.getAlgorithm() + " is not accepted"));
		}
		JWKMatcher matcher = JWKMatcher.forJWSHeader(header);
		if (matcher == null) {
			return Mono
				.error(new BadJwtException("the token's algorithm " + header.getAlgorithm() + " is not accepted"));
		}
		return this.keys.select(matcher).map((candidates) -> verify(jws, candidates));
	}

	private JWTClaimsSet verify(SignedJWT jws, List<JWK> candidates) {
		if (candidates.isEmpty()) {
			throw new BadJwtException("no signing key of the issuer matches the token's kid");
		}
		for (JWK candidate : candidates) {
			JWSVerifier verifier = verifier(candidate);
			if (verifier != null && verifies(jws, verifier)) {
				return claims(jws);
			}
		}
		throw new BadJwtException("the token's signature is invalid");
	}

	private static @Nullable JWSVerifier verifier(JWK key) {
		try {
			if (key instanceof RSAKey rsa) {
				return new RSASSAVerifier(rsa);
			}
			if (key instanceof ECKey ec) {
				return new ECDSAVerifier(ec);
			}
			if (key instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
				return new Ed25519Verifier(okp.toPublicJWK());
			}
			return null;
		}
		catch (JOSEException ex) {
			// A published key this verifier cannot use (e.g. an unsupported curve) simply
			// does not match.
			return null;
		}
	}

	private static boolean verifies(SignedJWT jws, JWSVerifier verifier) {
		try {
			return jws.verify(verifier);
		}
		catch (JOSEException ex) {
			return false;
		}
	}

	private static JWTClaimsSet claims(SignedJWT jws) {
		try {
			return jws.getJWTClaimsSet();
		}
		catch (ParseException ex) {
			throw new BadJwtException("the token's claims are not a JSON object", ex);
		}
	}

}
