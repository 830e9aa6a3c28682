package dev.writ.resourceserver.jwt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.writ.resourceserver.test.RunningApi;
import dev.writ.resourceserver.test.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The starter refuses every kind of forged or misdirected token and accepts a good one,
 * with the issuer's keys served over real HTTP.
 */
class AccessTokenValidationTests {

	private static TestIssuer issuer;

	private static RunningApi api;

	@BeforeAll
	static void start() {
		issuer = TestIssuer.start();
		api = RunningApi.start(issuer, Map.of());
	}

	@AfterAll
	static void stop() {
		api.close();
		issuer.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "RS256", "ES256", "EdDSA" })
	void requestWhenTokenSignedWithAllowedAlgorithmThenPrincipalAvailable(String algorithm) {
		String token = issuer.mint(JWSAlgorithm.parse(algorithm),
				(claims) -> claims.jwtID("at_good")
					.claim("scope", "read:projects write:projects")
					.claim("role", "admin"));
		get("/me", token).expectStatus().isOk().expectBody().json("""
				{"subject":"usr_alice","clientId":"demo-web","organization":"org_acme","role":"ADMIN",
				 "scopes":["read:projects","write:projects"],"tokenId":"at_good"}""");
	}

	@Test
	void requestWhenAudienceIsStringThenAccepted() {
		String token = issuer.mint(JWSAlgorithm.RS256, (claims) -> claims.claim("aud", RunningApi.AUDIENCE));
		get("/me", token).expectStatus().isOk();
	}

	@Test
	void requestWhenTypIsApplicationAtJwtInUpperCaseThenAccepted() {
		String token = issuer.mint(JWSAlgorithm.RS256, (claims) -> {
		}, (header) -> header.type(new JOSEObjectType("Application/AT+JWT")));
		get("/me", token).expectStatus().isOk();
	}

	@Test
	void requestWhenAlgNoneThenInvalidToken() {
		String token = new PlainJWT(new PlainHeader.Builder().type(new JOSEObjectType("at+jwt")).build(),
				issuer.claims((claims) -> {
				}))
			.serialize();
		expectInvalidToken(token);
	}

	@Test
	void requestWhenHs256SignedWithIssuerPublicKeyThenInvalidToken() throws JOSEException {
		// The classic key-confusion attack: the RSA public key is public, so it is no
		// secret to MAC with.
		byte[] publicKey = issuer.rsaKey().toRSAPublicKey().getEncoded();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt"))
			.keyID(issuer.rsaKey().getKeyID())
			.build(), issuer.claims((claims) -> {
			}));
		jwt.sign(new MACSigner(publicKey));
		expectInvalidToken(jwt.serialize());
	}

	@Test
	void requestWhenHs256SignedWithPublicKeyPemThenInvalidToken() throws JOSEException {
		String pem = issuer.rsaKey().toPublicJWK().toJSONString();
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt")).build(),
				issuer.claims((claims) -> {
				}));
		jwt.sign(new MACSigner(pem.getBytes(StandardCharsets.UTF_8)));
		expectInvalidToken(jwt.serialize());
	}

	@Test
	void requestWhenSignedWithUnknownKidThenInvalidToken() throws JOSEException {
		RSAKey stranger = new RSAKeyGenerator(2048).keyID("not-published").generate();
		expectInvalidToken(issuer.sign(JWSAlgorithm.RS256, stranger, (claims) -> {
		}, (header) -> {
		}));
	}

	@Test
	void requestWhenSignedWithStrangerKeyUnderIssuerKidThenInvalidToken() throws JOSEException {
		RSAKey stranger = new RSAKeyGenerator(2048).keyID(issuer.rsaKey().getKeyID()).generate();
		expectInvalidToken(issuer.sign(JWSAlgorithm.RS256, stranger, (claims) -> {
		}, (header) -> {
		}));
	}

	@Test
	void requestWhenExpiredBeyondClockSkewThenInvalidToken() {
		Instant past = Instant.now().minus(Duration.ofMinutes(10));
		expectInvalidToken(issuer.mint(JWSAlgorithm.RS256,
				(claims) -> claims.issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(60)))));
	}

	@Test
	void requestWhenExpiredWithinClockSkewThenAccepted() {
		Instant now = Instant.now();
		String token = issuer.mint(JWSAlgorithm.RS256, (claims) -> claims.issueTime(Date.from(now.minusSeconds(60)))
			.expirationTime(Date.from(now.minusSeconds(5))));
		get("/me", token).expectStatus().isOk();
	}

	@Test
	void requestWhenNotYetValidThenInvalidToken() {
		Instant future = Instant.now().plus(Duration.ofMinutes(5));
		expectInvalidToken(issuer.mint(JWSAlgorithm.RS256, (claims) -> claims.notBeforeTime(Date.from(future))
			.expirationTime(Date.from(future.plus(Duration.ofMinutes(5))))));
	}

	@Test
	void requestWhenWrongIssuerThenInvalidToken() {
		expectInvalidToken(issuer.mint(JWSAlgorithm.RS256, (claims) -> claims.issuer(issuer.issuer() + "/other")));
	}

	@Test
	void requestWhenWrongAudienceThenInvalidToken() {
		expectInvalidToken(issuer.mint(JWSAlgorithm.RS256, (claims) -> claims.audience("http://localhost:9999")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "JWT", "jwt", "at+jwe", "" })
	void requestWhenTypIsNotAtJwtThenInvalidToken(String typ) {
		expectInvalidToken(issuer.mint(JWSAlgorithm.RS256, (claims) -> {
		}, (header) -> header.type(typ.isEmpty() ? null : new JOSEObjectType(typ))));
	}

	@Test
	void requestWhenJtiMissingThenInvalidToken() {
		expectInvalidToken(issuer.mint(JWSAlgorithm.RS256, (claims) -> claims.jwtID(null)));
	}

	@Test
	void requestWhenTokenTamperedThenInvalidToken() {
		String token = issuer.accessToken(RunningApi.AUDIENCE, "read:projects");
		String[] parts = token.split("\\.");
		String forgedClaims = java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(issuer.claims((claims) -> claims.claim("role", "owner"))
				.toString()
				.getBytes(StandardCharsets.UTF_8));
		expectInvalidToken(parts[0] + "." + forgedClaims + "." + parts[2]);
	}

	@Test
	void requestWhenGarbageTokenThenInvalidToken() {
		expectInvalidToken("not-a-jwt");
	}

	@Test
	void requestWhenNoTokenThenBareBearerChallenge() {
		api.client()
			.get()
			.uri("/me")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
			.expectBody()
			.json("""
					{"error":"unauthorized","error_description":"a bearer access token is required"}""", true);
	}

	@Test
	void requestWhenAuthorizationHeaderMalformedThenInvalidToken() {
		api.client()
			.get()
			.uri("/me")
			.header(HttpHeaders.AUTHORIZATION, "Bearer a b")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer error=\"invalid_token\", error_description=\"Bearer token is malformed\"")
			.expectBody()
			.json("""
					{"error":"invalid_token","error_description":"Bearer token is malformed"}""", true);
	}

	private static WebTestClient.ResponseSpec get(String path, String token) {
		return api.client().get().uri(path).headers((headers) -> headers.setBearerAuth(token)).exchange();
	}

	private static void expectInvalidToken(String token) {
		get("/me", token).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.value(HttpHeaders.WWW_AUTHENTICATE,
					(value) -> org.assertj.core.api.Assertions.assertThat(value)
						.startsWith("Bearer error=\"invalid_token\", error_description=\""))
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("invalid_token")
			.jsonPath("$.error_description")
			.isNotEmpty();
	}

}
