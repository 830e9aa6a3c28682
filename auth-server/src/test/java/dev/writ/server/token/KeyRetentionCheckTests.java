package dev.writ.server.token;

import java.time.Duration;

import dev.writ.server.jwk.SigningKeyProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class KeyRetentionCheckTests {

	private static SigningKeyProperties keys(String retention) {
		return new Binder(new MapConfigurationPropertySource(java.util.Map.of("writ.keys.retention", retention)))
			.bindOrCreate("writ.keys", SigningKeyProperties.class);
	}

	@Test
	void checkWhenRetentionNotAboveMaxTokenLifetimeThenFailsNamingBoth() {
		TokenProperties tokens = new TokenProperties(Duration.ofMinutes(5), Duration.ofHours(24));
		assertThatIllegalStateException().isThrownBy(() -> KeyRetentionCheck.check(tokens, keys("24h")))
			.withMessageContaining("writ.keys.retention")
			.withMessageContaining("writ.token.max-access-token-time-to-live");
	}

	@Test
	void checkWhenShortTokensThenShortRetentionAllowed() {
		TokenProperties tokens = new TokenProperties(Duration.ofSeconds(2), Duration.ofSeconds(2));
		assertThatNoException().isThrownBy(() -> KeyRetentionCheck.check(tokens, keys("3s")));
	}

}
