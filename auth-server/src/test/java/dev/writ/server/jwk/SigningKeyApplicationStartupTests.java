package dev.writ.server.jwk;

import java.util.Map;

import dev.writ.server.test.TestAuthServer;
import org.junit.jupiter.api.Test;

import org.springframework.core.NestedExceptionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Start-up of a whole auth-server with a key-encryption key that cannot be used. */
class SigningKeyApplicationStartupTests {

	@Test
	void startWhenDatabaseKeysSealedUnderAnotherKekThenFailsNamingProperty() {
		String database;
		try (TestAuthServer first = TestAuthServer.start()) {
			database = first.database();
		}
		Throwable failure = catchThrowable(() -> TestAuthServer.start(
				Map.of("reuse-database", true, "writ.keys.encryption-key", SigningKeyNode.OTHER_ENCRYPTION_KEY),
				database));
		assertThat(NestedExceptionUtils.getMostSpecificCause(failure).getMessage())
			.contains("sealed under another key-encryption key")
			.contains("Set writ.keys.encryption-key");
	}

	@Test
	void startWhenEncryptionKeyHasWrongLengthThenFailsNamingProperty() {
		Throwable failure = catchThrowable(() -> TestAuthServer.start(Map.of("writ.keys.encryption-key", "c2hvcnQ=")));
		assertThat(NestedExceptionUtils.getMostSpecificCause(failure).getMessage())
			.contains("writ.keys.encryption-key must encode 32 bytes");
	}

}
