package dev.writ.server.mail;

import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** A bad sender address fails at start-up, naming the property. */
class MailPropertiesTests {

	@Test
	void constructorWhenDefaultThenAccepted() {
		InternetAddress from = new MailProperties("Writ <no-reply@localhost>").fromAddress();
		assertThat(from.getAddress()).isEqualTo("no-reply@localhost");
		assertThat(from.getPersonal()).isEqualTo("Writ");
	}

	@Test
	void constructorWhenNotAnAddressThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new MailProperties("Writ <no-reply"))
			.withMessageContaining("writ.mail.from");
	}

}
