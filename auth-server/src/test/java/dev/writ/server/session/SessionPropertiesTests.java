package dev.writ.server.session;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The defaults of {@link SessionProperties} and the values it refuses at start-up. */
class SessionPropertiesTests {

	private static SessionProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("writ.session",
				SessionProperties.class);
	}

	@Test
	void bindWhenNothingSetThenKeycloakLikeDefaults() {
		SessionProperties properties = bind(Map.of());
		assertThat(properties.idleTimeToLive()).isEqualTo(Duration.ofMinutes(30));
		assertThat(properties.absoluteTimeToLive()).isEqualTo(Duration.ofHours(10));
		assertThat(properties.cookieName()).isEqualTo("writ_session");
	}

	@Test
	void bindWhenIdleShorterThanTwoMinutesThenFailsNamingTheProperty() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("writ.session.idle-time-to-live", "90s")))
			.havingRootCause()
			.withMessageContaining("writ.session.idle-time-to-live");
	}

	@Test
	void bindWhenAbsoluteShorterThanIdleThenFailsNamingBoth() {
		assertThatExceptionOfType(BindException.class).isThrownBy(
				() -> bind(Map.of("writ.session.idle-time-to-live", "1h", "writ.session.absolute-time-to-live", "30m")))
			.havingRootCause()
			.withMessageContaining("writ.session.absolute-time-to-live")
			.withMessageContaining("writ.session.idle-time-to-live");
	}

	@Test
	void bindWhenCookieNameNotATokenThenFails() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("writ.session.cookie-name", "writ session")))
			.havingRootCause()
			.withMessageContaining("writ.session.cookie-name");
	}

}
