package dev.writ.server.jwk;

import java.util.Map;

import dev.writ.server.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** What {@link SigningKeyMaintenance} does when the application starts. */
class SigningKeyStartupTests {

	private final TestDatabase database = TestDatabase.create();

	private final MutableClock clock = MutableClock.startingAt("2030-01-01T00:00:00Z");

	@AfterEach
	void close() {
		this.database.close();
	}

	@Test
	void afterPropertiesSetWhenKeysSealedUnderAnotherKekThenFailsNamingProperty() throws Exception {
		SigningKeyNode.on(this.database, this.clock).maintenance.afterPropertiesSet();
		SigningKeyNode other = SigningKeyNode.on(this.database, this.clock,
				"writ.keys.encryption-key=" + SigningKeyNode.OTHER_ENCRYPTION_KEY);
		assertThatIllegalStateException().isThrownBy(other.maintenance::afterPropertiesSet)
			.withMessageContaining("sealed under another key-encryption key")
			.withMessageContaining("Set writ.keys.encryption-key")
			.withMessageContaining(other.material.fingerprint());
		assertThat(other.store.findAll().collectList().block()).hasSize(1);
	}

	@Test
	void afterPropertiesSetWhenNoEncryptionKeyConfiguredThenStartsWithGeneratedOne() throws Exception {
		SigningKeyNode node = new SigningKeyNode(this.database, this.clock, Map.of());
		node.maintenance.afterPropertiesSet();
		assertThat(node.keys.current().block()).isNotNull();
		// the next run generates another key-encryption key, which cannot open what this
		// one sealed
		SigningKeyNode restarted = new SigningKeyNode(this.database, this.clock, Map.of());
		assertThatIllegalStateException().isThrownBy(restarted.maintenance::afterPropertiesSet)
			.withMessageContaining("writ.keys.encryption-key");
	}

}
