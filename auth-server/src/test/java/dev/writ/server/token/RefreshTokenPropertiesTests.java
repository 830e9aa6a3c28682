package dev.writ.server.token;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.NestedExceptionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RefreshTokenPropertiesTests {

	private static RefreshTokenProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("writ.refresh-token",
				RefreshTokenProperties.class);
	}

	private static String bindFailure(Map<String, String> properties) {
		BindException failure = assertThatExceptionOfType(BindException.class).isThrownBy(() -> bind(properties))
			.actual();
		return NestedExceptionUtils.getMostSpecificCause(failure).getMessage();
	}

	@Test
	void bindWhenNothingSetThenTwoWeeksIdleAndThirtyDaysAbsolute() {
		RefreshTokenProperties properties = bind(Map.of());
		assertThat(properties.defaultPolicy())
			.isEqualTo(new RefreshTokenPolicy(Duration.ofDays(14), Duration.ofDays(30)));
	}

	@Test
	void bindWhenSetThenPolicyFollows() {
		RefreshTokenProperties properties = bind(
				Map.of("writ.refresh-token.idle-time-to-live", "1h", "writ.refresh-token.absolute-time-to-live", "1h"));
		assertThat(properties.defaultPolicy())
			.isEqualTo(new RefreshTokenPolicy(Duration.ofHours(1), Duration.ofHours(1)));
	}

	@Test
	void bindWhenIdleExceedsAbsoluteThenFailsNamingBoth() {
		assertThat(bindFailure(Map.of("writ.refresh-token.idle-time-to-live", "31d")))
			.contains("writ.refresh-token.idle-time-to-live", "writ.refresh-token.absolute-time-to-live");
	}

	@Test
	void bindWhenIdleNotPositiveThenFailsNamingProperty() {
		assertThat(bindFailure(Map.of("writ.refresh-token.idle-time-to-live", "0s")))
			.contains("writ.refresh-token.idle-time-to-live", "positive");
	}

	@Test
	void bindWhenAbsoluteNegativeThenFailsNamingProperty() {
		assertThat(bindFailure(Map.of("writ.refresh-token.absolute-time-to-live", "-1d")))
			.contains("writ.refresh-token.absolute-time-to-live", "positive");
	}

	@Test
	void policyWhenIdleExceedsAbsoluteThenRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RefreshTokenPolicy(Duration.ofDays(2), Duration.ofDays(1)))
			.withMessageContaining("must not exceed");
	}

	@Test
	void policyWhenZeroThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RefreshTokenPolicy(Duration.ZERO, Duration.ofDays(1)))
			.withMessageContaining("positive");
	}

}
