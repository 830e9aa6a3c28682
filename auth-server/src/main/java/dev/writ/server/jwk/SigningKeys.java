package dev.writ.server.jwk;
import java.time.Clock;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
// TEMPORARY (uncommitted) stand-in until the jwk branch is merged
@Component
public final class SigningKeys {
	private final SigningKey key;
	SigningKeys() throws Exception { RSAKey rsa = new RSAKeyGenerator(2048).keyID("tmp").generate(); this.key = new SigningKey("tmp", JWSAlgorithm.RS256, new RSASSASigner(rsa), rsa.toPublicJWK()); }
	public Mono<SigningKey> current() { return Mono.just(key); }
	public Mono<JWKSet> publishedKeys() { return Mono.just(new JWKSet(key.publicKey())); }
	public Mono<JWK> publishedKey(String kid) { return key.kid().equals(kid) ? Mono.just(key.publicKey()) : Mono.empty(); }
	@Bean static Clock clock() { return Clock.systemUTC(); }
}
