package dev.writ.server.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** Bad Argon2id parameters fail at start-up, naming the property. */
class PasswordHashingPropertiesTests {

	@Test
	void constructorWhenDefaultsThenAccepted() {
		assertThatNoException().isThrownBy(() -> new PasswordHashingProperties(19456, 2, 1, 256));
	}

	@Test
	void constructorWhenMemoryBelowEightKibPerLaneThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PasswordHashingProperties(31, 2, 4, 256))
			.withMessageContaining("writ.password-hashing.memory-kib must be at least 32");
	}

	@Test
	void constructorWhenNoIterationThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PasswordHashingProperties(19456, 0, 1, 256))
			.withMessageContaining("writ.password-hashing.iterations");
	}

	@Test
	void constructorWhenNoLaneThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PasswordHashingProperties(19456, 2, 0, 256))
			.withMessageContaining("writ.password-hashing.parallelism");
	}

	@Test
	void constructorWhenNoQueueThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PasswordHashingProperties(19456, 2, 1, 0))
			.withMessageContaining("writ.password-hashing.queue-capacity");
	}

}
