package dev.writ.server.client.authentication;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.writ.server.client.Client;
import dev.writ.server.client.RegisteredClients;
import dev.writ.server.protocol.Scope;
import dev.writ.server.test.TestAuthServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.writ.server.test.TokenRequests.form;
import static dev.writ.server.test.TokenRequests.post;

/**
 * {@code private_key_jwt} client authentication (RFC 7523 §2.2 and §3) at the token
 * endpoint.
 */
class PrivateKeyJwtTests {

	private static final String CLIENT_ID = "jwt-client";

	private static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

	private static TestAuthServer server;

	private static WebTestClient client;

	private static ECKey clientKey;

	@BeforeAll
	static void registerClient() throws JOSEException {
		server = TestAuthServer.demo();
		client = server.client();
		clientKey = new ECKeyGenerator(Curve.P_256).keyID("client-key-1").generate();
		RegisteredClient registration = RegisteredClient.withId(CLIENT_ID)
			.clientId(CLIENT_ID)
			.clientName("Key-authenticated machine client")
			.clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scope("read:projects")
			.build();
		server.bean(RegisteredClients.class)
			.save(new Client(registration, Scope.parse("read:projects"), List.of("http://localhost:8081"), null,
					new JWKSet(clientKey.toPublicJWK())))
			.block();
	}

	private static JWTClaimsSet.Builder validClaims() {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(CLIENT_ID)
			.subject(CLIENT_ID)
			.audience(server.baseUrl() + "/oauth2/token")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(60)))
			.jwtID(UUID.randomUUID().toString());
	}

	private static String sign(JWTClaimsSet claims, ECKey key) throws JOSEException {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
		jwt.sign(new ECDSASigner(key));
		return jwt.serialize();
	}

	private static WebTestClient.ResponseSpec token(String assertion) {
		return post(client, "/oauth2/token", null, form("grant_type", "client_credentials", "client_assertion_type",
				ASSERTION_TYPE, "client_assertion", assertion));
	}

	private static void expectInvalidClient(String assertion) {
		token(assertion).expectStatus().isUnauthorized().expectBody().jsonPath("$.error").isEqualTo("invalid_client");
	}

	@Test
	void tokenWhenValidAssertionThenIssued() throws JOSEException {
		token(sign(validClaims().build(), clientKey)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.scope")
			.isEqualTo("read:projects");
	}

	@Test
	void tokenWhenAudienceIsIssuerThenIssued() throws JOSEException {
		token(sign(validClaims().audience(server.baseUrl()).build(), clientKey)).expectStatus().isOk();
	}

	@Test
	void tokenWhenAssertionReplayedThenInvalidClient() throws JOSEException {
		String assertion = sign(validClaims().build(), clientKey);
		token(assertion).expectStatus().isOk();
		expectInvalidClient(assertion);
	}

	@Test
	void tokenWhenSignedByAnotherKeyThenInvalidClient() throws JOSEException {
		ECKey other = new ECKeyGenerator(Curve.P_256).keyID("client-key-1").generate();
		expectInvalidClient(sign(validClaims().build(), other));
	}

	@Test
	void tokenWhenWrongAudienceThenInvalidClient() throws JOSEException {
		expectInvalidClient(sign(validClaims().audience("https://other-server.example/token").build(), clientKey));
	}

	@Test
	void tokenWhenExpiredThenInvalidClient() throws JOSEException {
		expectInvalidClient(
				sign(validClaims().expirationTime(Date.from(Instant.now().minusSeconds(120))).build(), clientKey));
	}

	@Test
	void tokenWhenExpiryTooFarThenInvalidClient() throws JOSEException {
		expectInvalidClient(
				sign(validClaims().expirationTime(Date.from(Instant.now().plusSeconds(86400))).build(), clientKey));
	}

	@Test
	void tokenWhenNoJtiThenInvalidClient() throws JOSEException {
		expectInvalidClient(sign(validClaims().jwtID(null).build(), clientKey));
	}

	@Test
	void tokenWhenIssuerIsNotClientThenInvalidClient() throws JOSEException {
		expectInvalidClient(sign(validClaims().issuer("someone-else").build(), clientKey));
	}

	@Test
	void tokenWhenHmacSignedThenInvalidClient() throws JOSEException {
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), validClaims().build());
		jwt.sign(new MACSigner("a-shared-secret-of-at-least-256-bits-length!!"));
		expectInvalidClient(jwt.serialize());
	}

	@Test
	void tokenWhenAssertionNotAJwtThenInvalidClient() {
		expectInvalidClient("not-a-jwt");
	}

	@Test
	void tokenWhenAssertionTypeWrongThenInvalidClient() throws JOSEException {
		post(client, "/oauth2/token", null, form("grant_type", "client_credentials", "client_assertion_type",
				"urn:example:other", "client_assertion", sign(validClaims().build(), clientKey)))
			.expectStatus()
			.isUnauthorized();
	}

}
