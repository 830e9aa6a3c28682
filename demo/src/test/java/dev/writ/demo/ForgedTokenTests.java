package dev.writ.demo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.writ.server.jwk.SigningKey;
import dev.writ.server.jwk.SigningKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * sample-api, through the starter, refuses forged and unfit tokens with 401
 * {@code invalid_token}. Tokens with bad claims are signed with the auth-server's real
 * key, so only the claim is wrong.
 */
class ForgedTokenTests {

	private static DemoStack product;

	private static WebTestClient api;

	private static SigningKey serverKey;

	@BeforeAll
	static void start() {
		product = RunningProduct.shared();
		api = RunningProduct.client(product.sampleApiUrl());
		serverKey = product.authServer().getBean(SigningKeys.class).current().block();
	}

	private static JWTClaimsSet.Builder validClaims() {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(product.authServerUrl())
			.subject("demo-m2m")
			.audience(DemoStack.SAMPLE_API_AUDIENCE)
			.claim("client_id", "demo-m2m")
			.claim("scope", "read:projects")
			.claim("org", "org_acme")
			.claim("role", "member")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.jwtID(UUID.randomUUID().toString());
	}

	private static String signWithServerKey(JWSHeader.Builder header, JWTClaimsSet claims) throws Exception {
		SignedJWT jwt = new SignedJWT(header.keyID(serverKey.kid()).build(), claims);
		jwt.sign(serverKey.signer());
		return jwt.serialize();
	}

	private static JWSHeader.Builder atJwt() {
		return new JWSHeader.Builder(serverKey.algorithm()).type(new JOSEObjectType("at+jwt"));
	}

	private static void expectRefused(String token) {
		api.get()
			.uri("/projects")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.value("WWW-Authenticate", (value) -> assertThat(value).contains("error=\"invalid_token\""));
	}

	@Test
	void projectsWhenWellFormedTokenSignedByServerThenAccepted() throws Exception {
		// The control: the same construction with nothing wrong is accepted, so each
		// refusal below is for its flaw.
		api.get()
			.uri("/projects")
			.headers((headers) -> headers.setBearerAuth(signWithServerKeyUnchecked(validClaims().build())))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private static String signWithServerKeyUnchecked(JWTClaimsSet claims) {
		try {
			return signWithServerKey(atJwt(), claims);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void projectsWhenAlgNoneThenRefused() {
		String header = base64("{\"alg\":\"none\",\"typ\":\"at+jwt\"}");
		String payload = base64(validClaims().build().toString());
		expectRefused(header + "." + payload + ".");
	}

	@Test
	void projectsWhenHs256SignedWithServerPublicKeyThenRefused() throws Exception {
		byte[] publicKey = ((RSAKey) serverKey.publicKey()).toRSAPublicKey().getEncoded();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt"))
			.keyID(serverKey.kid())
			.build(), validClaims().build());
		jwt.sign(new MACSigner(publicKey));
		expectRefused(jwt.serialize());
	}

	@Test
	void projectsWhenUnknownKidThenRefused() throws Exception {
		RSAKey attacker = new RSAKeyGenerator(2048).keyID("attacker-key").generate();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("at+jwt"))
			.keyID("attacker-key")
			.build(), validClaims().build());
		jwt.sign(new RSASSASigner(attacker));
		expectRefused(jwt.serialize());
	}

	@Test
	void projectsWhenExpiredThenRefused() throws Exception {
		Instant past = Instant.now().minusSeconds(3600);
		expectRefused(signWithServerKey(atJwt(),
				validClaims().issueTime(Date.from(past.minusSeconds(300))).expirationTime(Date.from(past)).build()));
	}

	@Test
	void projectsWhenWrongIssuerThenRefused() throws Exception {
		expectRefused(signWithServerKey(atJwt(), validClaims().issuer("https://evil.example").build()));
	}

	@Test
	void projectsWhenWrongAudienceThenRefused() throws Exception {
		expectRefused(signWithServerKey(atJwt(), validClaims().audience("https://other-api.example").build()));
	}

	@Test
	void projectsWhenTypIsNotAtJwtThenRefused() throws Exception {
		// An ID token or any other JWT from the same issuer must not pass as an access
		// token (RFC 9068 §4).
		expectRefused(signWithServerKey(new JWSHeader.Builder(serverKey.algorithm()).type(JOSEObjectType.JWT),
				validClaims().build()));
		expectRefused(signWithServerKey(new JWSHeader.Builder(serverKey.algorithm()), validClaims().build()));
	}

	private static String base64(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
