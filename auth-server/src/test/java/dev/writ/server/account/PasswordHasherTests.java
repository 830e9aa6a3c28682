package dev.writ.server.account;

import java.time.Duration;
import java.util.List;

import dev.writ.server.protocol.OAuth2Exception;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Signal;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** Argon2id hashing of user passwords, off the event loop. */
class PasswordHasherTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	/**
	 * {@code legacy-password} hashed by Spring Security's {@code BCryptPasswordEncoder}.
	 */
	private static final String LEGACY_BCRYPT_HASH = "{bcrypt}$2a$10$6Q8FM0H0lLIiDaoaHgRma.TK.Hg8bA3k4p4xSASuueeDdwAOcm7T.";

	private PasswordHasher hasher = hasher(new PasswordHashingProperties(19456, 2, 1, 256));

	@AfterEach
	void dispose() {
		this.hasher.destroy();
	}

	private static PasswordHasher hasher(PasswordHashingProperties properties) {
		return new PasswordHasher(properties);
	}

	@Test
	void hashWhenCalledThenArgon2idWithConfiguredParameters() {
		String hash = this.hasher.hash("correct horse").block(TIMEOUT);
		assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
	}

	@Test
	void hashWhenOtherParametersConfiguredThenHashCarriesThem() {
		this.hasher.destroy();
		this.hasher = hasher(new PasswordHashingProperties(32768, 3, 2, 256));
		String hash = this.hasher.hash("correct horse").block(TIMEOUT);
		assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=32768,t=3,p=2$");
		assertThat(this.hasher.matches("correct horse", hash).block(TIMEOUT)).isTrue();
	}

	@Test
	void hashWhenSamePasswordTwiceThenDifferentSalts() {
		String first = this.hasher.hash("correct horse").block(TIMEOUT);
		String second = this.hasher.hash("correct horse").block(TIMEOUT);
		assertThat(first).isNotEqualTo(second);
	}

	@Test
	void matchesWhenRightPasswordThenTrue() {
		String hash = this.hasher.hash("correct horse").block(TIMEOUT);
		assertThat(this.hasher.matches("correct horse", hash).block(TIMEOUT)).isTrue();
	}

	@Test
	void matchesWhenWrongPasswordThenFalse() {
		String hash = this.hasher.hash("correct horse").block(TIMEOUT);
		assertThat(this.hasher.matches("battery staple", hash).block(TIMEOUT)).isFalse();
	}

	@Test
	void matchesWhenHashMadeWithOtherParametersThenVerifies() {
		// the demo users' hashes, and any made before a change of writ.password-hashing
		String oldHash = "{argon2}$argon2id$v=19$m=19456,t=2,p=1$b8AyxsyDNG4SK5f8d/xqag$"
				+ "6kQuG0dAc1pQm3eQOOHbr0ramlasQs6CqGexgQ6EJSQ";
		this.hasher.destroy();
		this.hasher = hasher(new PasswordHashingProperties(8192, 1, 1, 256));
		assertThat(this.hasher.matches("writ-demo-password", oldHash).block(TIMEOUT)).isTrue();
	}

	@Test
	void matchesWhenLegacyBcryptHashThenVerifies() {
		assertThat(this.hasher.matches("legacy-password", LEGACY_BCRYPT_HASH).block(TIMEOUT)).isTrue();
		assertThat(this.hasher.matches("other-password", LEGACY_BCRYPT_HASH).block(TIMEOUT)).isFalse();
	}

	@Test
	void matchesWhenNoHashThenFalse() {
		assertThat(this.hasher.matches("correct horse", null).block(TIMEOUT)).isFalse();
	}

	@Test
	void spendUnknownWhenCalledThenCompletesEmpty() {
		assertThat(this.hasher.spendUnknown("correct horse").hasElement().block(TIMEOUT)).isFalse();
	}

	@Test
	void hashWhenSubscribedOnNonBlockingThreadThenRunsOnHashingScheduler() {
		// Schedulers.parallel() threads are non-blocking, like Netty's event loops: the
		// work must leave them.
		String thread = this.hasher.hash("correct horse")
			.map((hash) -> Thread.currentThread().getName())
			.subscribeOn(Schedulers.parallel())
			.block(TIMEOUT);
		assertThat(thread).startsWith("writ-password-hashing");
	}

	@Test
	void matchesWhenSubscribedOnNonBlockingThreadThenRunsOnHashingScheduler() {
		String hash = this.hasher.hash("correct horse").block(TIMEOUT);
		List<Object> where = this.hasher.matches("correct horse", hash)
			.map((matches) -> List.<Object>of(matches, Thread.currentThread().getName(),
					Schedulers.isInNonBlockingThread()))
			.subscribeOn(Schedulers.parallel())
			.block(TIMEOUT);
		assertThat(where.get(0)).isEqualTo(true);
		assertThat((String) where.get(1)).startsWith("writ-password-hashing");
		assertThat(where.get(2)).isEqualTo(false);
	}

	@Test
	void hashWhenMoreWaitThanQueueCapacityThenTemporarilyUnavailable() {
		this.hasher.destroy();
		this.hasher = hasher(new PasswordHashingProperties(19456, 2, 1, 1));
		List<Signal<String>> outcomes = Flux.range(0, 40)
			.flatMap((i) -> this.hasher.hash("correct horse").materialize().filter((signal) -> !signal.isOnComplete()),
					40)
			.collectList()
			.block(TIMEOUT);
		assertThat(outcomes).hasSize(40);
		assertThat(outcomes).anyMatch(Signal::isOnNext);
		assertThat(outcomes).filteredOn(Signal::isOnError)
			.isNotEmpty()
			.allSatisfy((signal) -> assertThat(signal.getThrowable()).isInstanceOfSatisfying(OAuth2Exception.class,
					(ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)));
	}

	@Test
	void hashWhenDisposedThenTemporarilyUnavailable() {
		// a node shutting down: the caller is told to retry, and a load balancer sends
		// the
		// retry elsewhere
		this.hasher.destroy();
		Signal<String> outcome = this.hasher.hash("correct horse").materialize().block(TIMEOUT);
		assertThat(outcome.getThrowable()).isInstanceOfSatisfying(OAuth2Exception.class,
				(ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
	}

}
