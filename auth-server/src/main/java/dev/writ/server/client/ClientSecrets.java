package dev.writ.server.client;

import dev.writ.server.protocol.OpaqueTokens;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * New client secrets (RFC 6749 §2.3.1): {@value #PREFIX} and 256 random bits in
 * base64url, hashed with the encoder of {@link ClientSecretEncoding}, the one the token
 * endpoint verifies with.
 *
 * <p>
 * The prefix lets secret scanners recognise a leaked secret, as {@code writ_pat_} and
 * {@code writ_rt_} do for the other credentials. The whole secret is 51 ASCII characters,
 * under the 72 bytes bcrypt (the encoder's default) reads, so every random bit counts.
 * Hashing is slow on purpose and runs on the bounded-elastic scheduler, as verifying
 * does.
 */
@Component
public final class ClientSecrets {

	/** What every generated client secret starts with. */
	public static final String PREFIX = "writ_cs_";

	private final PasswordEncoder encoder;

	ClientSecrets(PasswordEncoder encoder) {
		this.encoder = encoder;
	}

	/** A new secret and the hash to store; the secret is shown once and never stored. */
	public Mono<NewClientSecret> generate() {
		return Mono.fromCallable(() -> {
			String secret = OpaqueTokens.generate(PREFIX);
			return new NewClientSecret(secret, this.encoder.encode(secret));
		}).subscribeOn(Schedulers.boundedElastic());
	}

	/**
	 * A client secret as issued: the value for the client, once, and its hash for the
	 * store.
	 *
	 * @param secret the secret, to be shown once
	 * @param hash {@code {id}hash}, what {@code oauth2_clients.client_secret_hash} keeps
	 */
	public record NewClientSecret(String secret, String hash) {

		@Override
		public String toString() {
			return "NewClientSecret[secret=(hidden), hash=" + this.hash + "]";
		}

	}

}
