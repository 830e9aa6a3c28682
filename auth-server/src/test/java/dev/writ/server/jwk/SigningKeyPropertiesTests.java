package dev.writ.server.jwk;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.core.NestedExceptionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SigningKeyPropertiesTests {

	@Test
	void bindWhenNothingSetThenDefaults() {
		SigningKeyProperties properties = SigningKeyNode.properties(Map.of());
		assertThat(properties.encryptionKey()).isNull();
		assertThat(properties.algorithm()).isEqualTo(SigningAlgorithm.RS256);
		assertThat(properties.rsaKeySize()).isEqualTo(2048);
		assertThat(properties.refreshInterval()).isEqualTo(Duration.ofSeconds(30));
		assertThat(properties.checkInterval()).isEqualTo(Duration.ofMinutes(1));
		assertThat(properties.rotationPeriod()).isEqualTo(Duration.ofDays(30));
		assertThat(properties.publicationLead()).isEqualTo(Duration.ofHours(1));
		assertThat(properties.retention()).isEqualTo(Duration.ofHours(25));
		assertThat(properties.jwksMaxAge()).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void bindWhenAlgorithmWrittenAsJoseNameThenBinds() {
		assertThat(SigningKeyNode.properties(Map.of("writ.keys.algorithm", "EdDSA")).algorithm())
			.isEqualTo(SigningAlgorithm.EDDSA);
		assertThat(SigningKeyNode.properties(Map.of("writ.keys.algorithm", "es256")).algorithm())
			.isEqualTo(SigningAlgorithm.ES256);
	}

	@Test
	void bindWhenEncryptionKeyNotBase64ThenFailsNamingPropertyWithoutEchoingIt() {
		assertBindFailure(Map.of("writ.keys.encryption-key", "not*base64!"), "writ.keys.encryption-key",
				"not valid base64");
		assertThat(bindFailure(Map.of("writ.keys.encryption-key", "not*base64!"))).doesNotContain("not*base64!");
	}

	@Test
	void bindWhenEncryptionKeyWrongLengthThenFailsNamingProperty() {
		assertBindFailure(Map.of("writ.keys.encryption-key", "c2hvcnQ="), "writ.keys.encryption-key",
				"must encode 32 bytes");
	}

	@Test
	void bindWhenRsaKeySizeBelow2048ThenFailsNamingProperty() {
		assertBindFailure(Map.of("writ.keys.rsa-key-size", "1024"), "writ.keys.rsa-key-size", "at least 2048");
	}

	@Test
	void bindWhenPublicationLeadNotAboveJwksMaxAgeThenFailsNamingBoth() {
		assertBindFailure(Map.of("writ.keys.publication-lead", "5m"), "writ.keys.publication-lead",
				"writ.keys.jwks-max-age");
	}

	@Test
	void bindWhenRotationPeriodNotAbovePublicationLeadThenFailsNamingProperty() {
		assertBindFailure(Map.of("writ.keys.rotation-period", "1h"), "writ.keys.rotation-period",
				"writ.keys.publication-lead");
	}

	@Test
	void bindWhenIntervalNotPositiveThenFailsNamingProperty() {
		assertBindFailure(Map.of("writ.keys.refresh-interval", "0s"), "writ.keys.refresh-interval", "positive");
	}

	@Test
	void toStringWhenEncryptionKeySetThenDoesNotShowIt() {
		SigningKeyProperties properties = SigningKeyNode
			.properties(Map.of("writ.keys.encryption-key", SigningKeyNode.ENCRYPTION_KEY));
		assertThat(properties.toString()).doesNotContain(SigningKeyNode.ENCRYPTION_KEY).contains("(set)");
	}

	private static void assertBindFailure(Map<String, String> properties, String... messageParts) {
		assertThat(bindFailure(properties)).contains(messageParts);
	}

	private static String bindFailure(Map<String, String> properties) {
		BindException failure = assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> SigningKeyNode.properties(properties))
			.actual();
		return NestedExceptionUtils.getMostSpecificCause(failure).getMessage();
	}

}
