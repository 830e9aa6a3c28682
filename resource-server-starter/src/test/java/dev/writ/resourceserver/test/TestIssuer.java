package dev.writ.resourceserver.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * A stand-in for Writ's authorization server over real HTTP on a loopback port: RFC 8414
 * metadata, a JWKS with an RSA, an EC and an Ed25519 key (served with
 * {@code Cache-Control: max-age=300} like the real one), and an RFC 7662 introspection
 * endpoint that answers {@code active: false} for the token ids given to
 * {@link #revoke(String)}. It mints access tokens as the real server does (RFC 9068).
 */
public final class TestIssuer implements AutoCloseable {

	public static final String INTROSPECTION_CLIENT_ID = "resource-server";

	public static final String INTROSPECTION_CLIENT_SECRET = "resource-server-secret";

	private final RSAKey rsa;

	private final ECKey ec;

	private final OctetKeyPair ed25519;

	private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

	private final Set<String> revoked = ConcurrentHashMap.newKeySet();

	// secret -> the claims introspection answers while the token is active
	private final Map<String, Map<String, Object>> apiTokens = new ConcurrentHashMap<>();

	// Its own event loops: an application context shutting down disposes Reactor Netty's
	// global ones.
	private final LoopResources loops = LoopResources.create("test-issuer", 1, true);

	private final DisposableServer server;

	private TestIssuer() {
		try {
			this.rsa = new RSAKeyGenerator(2048).keyID("rsa-" + UUID.randomUUID()).generate();
			this.ec = new ECKeyGenerator(Curve.P_256).keyID("ec-" + UUID.randomUUID()).generate();
			this.ed25519 = new OctetKeyPairGenerator(Curve.Ed25519).keyID("ed-" + UUID.randomUUID()).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		this.server = HttpServer.create()
			.runOn(this.loops)
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.get("/.well-known/oauth-authorization-server", this::metadata)
				.get("/.well-known/openid-configuration", this::metadata)
				.get("/oauth2/jwks", this::jwks)
				.post("/oauth2/introspect", this::introspect))
			.bindNow();
	}

	public static TestIssuer start() {
		return new TestIssuer();
	}

	public String issuer() {
		return "http://127.0.0.1:" + this.server.port();
	}

	public int port() {
		return this.server.port();
	}

	/** How many requests reached {@code path} so far. */
	public int requests(String path) {
		AtomicInteger count = this.requests.get(path);
		return (count != null) ? count.get() : 0;
	}

	/**
	 * An API token as Writ's authorization server creates one: introspection answers for
	 * its secret with the token contract's claims (jti = {@code id}) until it expires or
	 * {@link #revoke(String)} is called with {@code id}.
	 */
	public String apiToken(String id, String scope, Instant expiresAt) {
		String secret = "writ_pat_" + UUID.randomUUID().toString().replace("-", "")
				+ UUID.randomUUID().toString().replace("-", "");
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("active", true);
		claims.put("scope", scope);
		claims.put("client_id", id);
		claims.put("sub", "usr_alice");
		claims.put("iss", issuer());
		claims.put("exp", expiresAt.getEpochSecond());
		claims.put("iat", Instant.now().getEpochSecond());
		claims.put("jti", id);
		claims.put("org", "org_acme");
		claims.put("role", "member");
		claims.put("token_type", "Bearer");
		this.apiTokens.put(secret, claims);
		return secret;
	}

	/** Makes introspection answer inactive for this token id. */
	public void revoke(String tokenId) {
		this.revoked.add(tokenId);
	}

	public RSAKey rsaKey() {
		return this.rsa;
	}

	public JWKSet publicKeys() {
		return new JWKSet(List.<JWK>of(this.rsa, this.ec, this.ed25519)).toPublicJWKSet();
	}

	/**
	 * A valid RS256 access token for {@code audience} with these scopes and the default
	 * claims.
	 */
	public String accessToken(String audience, String scope) {
		return mint(JWSAlgorithm.RS256, (claims) -> claims.audience(audience).claim("scope", scope));
	}

	/**
	 * A valid access token signed with {@code algorithm} (RS256, ES256 or EdDSA);
	 * {@code claims} adjusts.
	 */
	public String mint(JWSAlgorithm algorithm, Consumer<JWTClaimsSet.Builder> claims) {
		return mint(algorithm, claims, (header) -> {
		});
	}

	public String mint(JWSAlgorithm algorithm, Consumer<JWTClaimsSet.Builder> claims,
			Consumer<JWSHeader.Builder> header) {
		JWK key = JWSAlgorithm.EdDSA.equals(algorithm) ? this.ed25519
				: JWSAlgorithm.ES256.equals(algorithm) ? this.ec : this.rsa;
		return sign(algorithm, key, claims, header);
	}

	/** Signs with any key, e.g. one the issuer never published. */
	public String sign(JWSAlgorithm algorithm, JWK key, Consumer<JWTClaimsSet.Builder> claims,
			Consumer<JWSHeader.Builder> header) {
		JWSHeader.Builder headerBuilder = new JWSHeader.Builder(algorithm).type(new JOSEObjectType("at+jwt"))
			.keyID(key.getKeyID());
		header.accept(headerBuilder);
		SignedJWT jwt = new SignedJWT(headerBuilder.build(), claims(claims));
		try {
			if (key instanceof RSAKey rsaKey) {
				jwt.sign(new RSASSASigner(rsaKey));
			}
			else if (key instanceof ECKey ecKey) {
				jwt.sign(new ECDSASigner(ecKey));
			}
			else {
				jwt.sign(new Ed25519Signer((OctetKeyPair) key));
			}
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	/**
	 * The claims of a fresh token as Writ issues them, before {@code adjust} changes any.
	 */
	public JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> adjust) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer())
			.subject("usr_alice")
			.audience("http://localhost:8081")
			.claim("client_id", "demo-web")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
			.jwtID("at_" + UUID.randomUUID())
			.claim("scope", "read:projects")
			.claim("org", "org_acme")
			.claim("role", "member")
			.claim("sid", "sid_" + UUID.randomUUID())
			.claim("auth_time", now.getEpochSecond());
		adjust.accept(claims);
		return claims.build();
	}

	private Mono<Void> metadata(HttpServerRequest request, HttpServerResponse response) {
		count(request);
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("issuer", issuer());
		metadata.put("jwks_uri", issuer() + "/oauth2/jwks");
		metadata.put("introspection_endpoint", issuer() + "/oauth2/introspect");
		return json(response, metadata);
	}

	private Mono<Void> jwks(HttpServerRequest request, HttpServerResponse response) {
		count(request);
		response.header("Cache-Control", "max-age=300");
		return json(response, publicKeys().toJSONObject());
	}

	private Mono<Void> introspect(HttpServerRequest request, HttpServerResponse response) {
		count(request);
		String expected = "Basic " + Base64.getEncoder()
			.encodeToString(
					(INTROSPECTION_CLIENT_ID + ":" + INTROSPECTION_CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
		if (!expected.equals(request.requestHeaders().get("Authorization"))) {
			response.status(HttpResponseStatus.UNAUTHORIZED);
			return json(response, Map.of("error", "invalid_client"));
		}
		return request.receive().aggregate().asString().defaultIfEmpty("").flatMap((body) -> {
			String token = new QueryStringDecoder(body, false).parameters().get("token").get(0);
			if (token.startsWith("writ_pat_")) {
				return json(response, apiTokenAnswer(token));
			}
			try {
				String tokenId = SignedJWT.parse(token).getJWTClaimsSet().getJWTID();
				return json(response, Map.of("active", !this.revoked.contains(tokenId)));
			}
			catch (java.text.ParseException ex) {
				return json(response, Map.of("active", false));
			}
		});
	}

	private Map<String, Object> apiTokenAnswer(String secret) {
		Map<String, Object> claims = this.apiTokens.get(secret);
		if (claims == null || this.revoked.contains((String) claims.get("jti"))
				|| Instant.now().getEpochSecond() >= (Long) claims.get("exp")) {
			return Map.of("active", false);
		}
		return claims;
	}

	private void count(HttpServerRequest request) {
		this.requests
			.computeIfAbsent(request.path().startsWith("/") ? request.path() : "/" + request.path(),
					(path) -> new AtomicInteger())
			.incrementAndGet();
	}

	private static Mono<Void> json(HttpServerResponse response, Map<String, Object> body) {
		return response.header("Content-Type", "application/json")
			.sendString(Mono.just(JSONObjectUtils.toJSONString(body)))
			.then();
	}

	@Override
	public void close() {
		this.server.disposeNow();
		this.loops.disposeLater().block();
	}

}
