package dev.writ.server.invitation;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** A bad invitation lifetime fails at start-up, naming the property. */
class InvitationPropertiesTests {

	@Test
	void constructorWhenDefaultThenAccepted() {
		assertThatNoException().isThrownBy(() -> new InvitationProperties(Duration.ofDays(7)));
	}

	@Test
	void constructorWhenUnderOneMinuteThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new InvitationProperties(Duration.ofSeconds(59)))
			.withMessageContaining("writ.invitation.time-to-live");
	}

}
