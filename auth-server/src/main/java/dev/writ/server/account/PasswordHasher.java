package dev.writ.server.account;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;

import dev.writ.server.protocol.OAuth2Exception;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Hashes and verifies user passwords with Argon2id (RFC 9106), stored as
 * {@code {argon2}$argon2id$v=19$m=...,t=...,p=...$salt$hash} so that the scheme can
 * change later; legacy {@code {bcrypt}} hashes still verify.
 *
 * <p>
 * Argon2id is slow and memory-hard on purpose. Every hash runs on a scheduler of its own,
 * one thread per core, never on an event loop and never on the shared bounded-elastic
 * scheduler, where a burst of sign-ins would starve everything else that waits there.
 * When more hashes wait than {@code writ.password-hashing.queue-capacity}, the caller
 * fails at once with 503 instead of waiting behind the burst.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9106#section-4">RFC 9106 §4</a>
 */
@Component
public final class PasswordHasher implements DisposableBean {

	private static final String ARGON2 = "argon2";

	/** RFC 9106 §3.1 recommends a 128-bit salt; a 256-bit tag is ample. */
	private static final int SALT_BYTES = 16;

	private static final int HASH_BYTES = 32;

	private final PasswordEncoder encoder;

	private final Scheduler scheduler;

	/**
	 * Verified when there is no hash to verify against, so that an unknown account costs
	 * what a known one costs.
	 */
	private final String dummyHash;

	PasswordHasher(PasswordHashingProperties properties) {
		Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, properties.parallelism(),
				properties.memoryKib(), properties.iterations());
		this.encoder = new DelegatingPasswordEncoder(ARGON2,
				Map.of(ARGON2, argon2, "bcrypt", new BCryptPasswordEncoder()));
		int threads = Runtime.getRuntime().availableProcessors();
		this.scheduler = Schedulers.newBoundedElastic(threads, properties.queueCapacity(), "writ-password-hashing");
		// On the start-up thread, with the configured parameters, so that it costs what a
		// real hash costs.
		this.dummyHash = this.encoder.encode("writ-dummy-password-for-timing");
	}

	/** The {@code {argon2}...} hash of {@code rawPassword}, with a fresh random salt. */
	public Mono<String> hash(CharSequence rawPassword) {
		return offLoop(() -> this.encoder.encode(rawPassword));
	}

	/**
	 * Whether {@code rawPassword} matches {@code hash}, in constant time. A {@code null}
	 * hash (an account without a password) never matches, after the same work as one that
	 * does.
	 */
	public Mono<Boolean> matches(CharSequence rawPassword, @Nullable String hash) {
		if (hash == null) {
			return spendUnknown(rawPassword).thenReturn(false);
		}
		return offLoop(() -> this.encoder.matches(rawPassword, hash));
	}

	/**
	 * Spends the time of one verification and learns nothing: called for an account that
	 * does not exist, so that response times do not reveal which accounts do.
	 */
	public Mono<Void> spendUnknown(CharSequence rawPassword) {
		return offLoop(() -> this.encoder.matches(rawPassword, this.dummyHash)).then();
	}

	private <T> Mono<T> offLoop(Callable<T> work) {
		return Mono.fromCallable(work)
			.subscribeOn(this.scheduler)
			.onErrorMap(RejectedExecutionException.class,
					(ex) -> OAuth2Exception.temporarilyUnavailable("too many sign-ins at once, retry shortly"));
	}

	@Override
	public void destroy() {
		this.scheduler.dispose();
	}

}
