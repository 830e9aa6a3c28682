package dev.writ.server.account;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** Bad brute-force limits fail at start-up, naming the property. */
class SignInPropertiesTests {

	@Test
	void constructorWhenDefaultsThenAccepted() {
		assertThatNoException().isThrownBy(() -> new SignInProperties(5, 20, Duration.ofMinutes(1)));
	}

	@Test
	void constructorWhenNoFailurePerAccountThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SignInProperties(0, 20, Duration.ofMinutes(1)))
			.withMessageContaining("writ.sign-in.max-failures-per-account");
	}

	@Test
	void constructorWhenNoFailurePerIpThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SignInProperties(5, 0, Duration.ofMinutes(1)))
			.withMessageContaining("writ.sign-in.max-failures-per-ip");
	}

	@Test
	void constructorWhenWindowUnderOneSecondThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SignInProperties(5, 20, Duration.ofMillis(999)))
			.withMessageContaining("writ.sign-in.window");
	}

}
