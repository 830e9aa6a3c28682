package dev.writ.server.jwk;

import java.time.Duration;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import dev.writ.server.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link SigningKeys} and its rotation on a real PostgreSQL, with time moved by hand. */
@ExtendWith(OutputCaptureExtension.class)
class SigningKeysTests {

	private final TestDatabase database = TestDatabase.create();

	private final MutableClock clock = MutableClock.startingAt("2030-01-01T00:00:00Z");

	private final SigningKeyNode node = SigningKeyNode.on(this.database, this.clock);

	@AfterEach
	void close() {
		this.database.close();
	}

	@Test
	void startupWhenTableEmptyThenFirstKeyActiveAtOnce() {
		this.node.maintenance.startup().block();
		List<StoredSigningKey> stored = storedKeys();
		assertThat(stored).hasSize(1);
		assertThat(stored.get(0).activatesAt()).isEqualTo(this.clock.instant());
		assertThat(currentKid(this.node)).isEqualTo(stored.get(0).kid());
		assertThat(publishedKids(this.node)).containsExactly(stored.get(0).kid());
	}

	@Test
	void startupWhenNodesStartTogetherThenOneFirstKey() {
		try (TestDatabase second = this.database.connect(); TestDatabase third = this.database.connect()) {
			SigningKeyNode other = SigningKeyNode.on(second, this.clock);
			SigningKeyNode another = SigningKeyNode.on(third, this.clock);
			Mono.when(this.node.maintenance.startup(), other.maintenance.startup(), another.maintenance.startup())
				.block();
			assertThat(storedKeys()).hasSize(1);
			assertThat(currentKid(other)).isEqualTo(currentKid(this.node)).isEqualTo(currentKid(another));
		}
	}

	@Test
	void startupWhenKeysExistThenNoNewKey() {
		this.node.maintenance.startup().block();
		SigningKeyNode restarted = SigningKeyNode.on(this.database, this.clock);
		restarted.maintenance.startup().block();
		assertThat(storedKeys()).hasSize(1);
		assertThat(currentKid(restarted)).isEqualTo(currentKid(this.node));
	}

	@Test
	void checkWhenActiveKeyYoungerThanRotationPeriodThenNothingCreated() {
		this.node.maintenance.startup().block();
		this.clock.advance(Duration.ofDays(30).minusSeconds(1));
		this.node.maintenance.check().block();
		assertThat(storedKeys()).hasSize(1);
	}

	@Test
	void checkWhenRotationDueThenUpcomingKeyPublishedButSigningOnlyFromActivation() {
		this.node.maintenance.startup().block();
		String first = currentKid(this.node);
		this.clock.advance(Duration.ofDays(30));
		this.node.maintenance.check().block();
		String second = storedKeys().get(1).kid();
		assertThat(storedKeys().get(1).activatesAt()).isEqualTo(this.clock.instant().plus(Duration.ofHours(1)));
		assertThat(publishedKids(this.node)).containsExactly(first, second);
		assertThat(currentKid(this.node)).isEqualTo(first);
		// a second check while the successor is on its way adds nothing
		this.node.maintenance.check().block();
		assertThat(storedKeys()).hasSize(2);
		this.clock.advance(Duration.ofHours(1).minusMillis(1));
		assertThat(currentKid(this.node)).isEqualTo(first);
		// activation needs no reload: the loaded activation times decide
		this.clock.advance(Duration.ofMillis(1));
		assertThat(currentKid(this.node)).isEqualTo(second);
		assertThat(publishedKids(this.node)).containsExactly(second, first);
	}

	@Test
	void checkWhenRetiredKeyWithinRetentionThenStillPublishedAndAfterItDeleted() {
		this.node.maintenance.startup().block();
		String first = currentKid(this.node);
		this.clock.advance(Duration.ofDays(30));
		this.node.maintenance.check().block();
		this.clock.advance(Duration.ofHours(1));
		String second = currentKid(this.node);
		this.clock.advance(Duration.ofHours(25).minusSeconds(1));
		this.node.maintenance.check().block();
		assertThat(publishedKids(this.node)).containsExactly(second, first);
		assertThat(this.node.keys.publishedKey(first).block()).isNotNull();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(publishedKids(this.node)).containsExactly(second);
		assertThat(this.node.keys.publishedKey(first).blockOptional()).isEmpty();
		this.node.maintenance.check().block();
		assertThat(storedKeys()).extracting(StoredSigningKey::kid).containsExactly(second);
	}

	@Test
	void checkWhenConfiguredAlgorithmDiffersFromActiveKeyThenRotatesToIt() {
		this.node.maintenance.startup().block();
		SigningKeyNode reconfigured = SigningKeyNode.on(this.database, this.clock, "writ.keys.algorithm=ES256");
		reconfigured.maintenance.startup().block();
		reconfigured.maintenance.check().block();
		assertThat(storedKeys()).extracting(StoredSigningKey::algorithm)
			.containsExactly(SigningAlgorithm.RS256, SigningAlgorithm.ES256);
		this.clock.advance(Duration.ofHours(1));
		assertThat(reconfigured.keys.current().block().publicKey().getKeyType().getValue()).isEqualTo("EC");
	}

	@Test
	void rotateWhenImmediateThenNewKeySignsAtOnceAndOldOneStaysPublished() {
		this.node.maintenance.startup().block();
		String first = currentKid(this.node);
		SigningKey rotated = this.node.keys.rotate(true).block();
		assertThat(rotated.kid()).isNotEqualTo(first);
		assertThat(currentKid(this.node)).isEqualTo(rotated.kid());
		assertThat(publishedKids(this.node)).containsExactly(rotated.kid(), first);
	}

	@Test
	void rotateWhenImmediateOnNodeWhoseClockIsBehindThenNewKeyStillTakesOver() {
		this.node.maintenance.startup().block();
		MutableClock lateClock = new MutableClock(this.clock.instant().minusSeconds(5));
		try (TestDatabase second = this.database.connect()) {
			SigningKeyNode late = SigningKeyNode.on(second, lateClock);
			late.maintenance.startup().block();
			SigningKey rotated = late.keys.rotate(true).block();
			assertThat(rotated.kid()).isNotEqualTo(currentKid(this.node));
			this.node.keys.refresh().block();
			assertThat(currentKid(this.node)).isEqualTo(rotated.kid());
			assertThat(currentKid(late)).isEqualTo(rotated.kid());
		}
	}

	@Test
	void rotateWhenImmediateWhileKeyUpcomingThenUpcomingKeyNeverSigns() {
		this.node.maintenance.startup().block();
		SigningKey upcoming = this.node.keys.rotate(false).block();
		SigningKey immediate = this.node.keys.rotate(true).block();
		this.clock.advance(Duration.ofHours(2));
		this.node.maintenance.check().block();
		assertThat(currentKid(this.node)).isEqualTo(immediate.kid());
		assertThat(publishedKids(this.node)).startsWith(immediate.kid()).contains(upcoming.kid());
		assertThat(storedKeys()).hasSize(3);
	}

	@Test
	void rotateWhenNotImmediateThenSignsAfterPublicationLeadAndRepeatedCallsReuseIt() {
		this.node.maintenance.startup().block();
		String first = currentKid(this.node);
		SigningKey rotated = this.node.keys.rotate(false).block();
		assertThat(this.node.keys.rotate(false).block().kid()).isEqualTo(rotated.kid());
		assertThat(storedKeys()).hasSize(2);
		assertThat(currentKid(this.node)).isEqualTo(first);
		assertThat(publishedKids(this.node)).containsExactly(first, rotated.kid());
		this.clock.advance(Duration.ofHours(1));
		assertThat(currentKid(this.node)).isEqualTo(rotated.kid());
	}

	@Test
	void refreshWhenAnotherNodeRotatedThenConverges() {
		this.node.maintenance.startup().block();
		try (TestDatabase second = this.database.connect()) {
			SigningKeyNode other = SigningKeyNode.on(second, this.clock);
			other.maintenance.startup().block();
			SigningKey rotated = other.keys.rotate(true).block();
			assertThat(currentKid(this.node)).isNotEqualTo(rotated.kid());
			this.node.keys.refresh().block();
			assertThat(currentKid(this.node)).isEqualTo(rotated.kid());
		}
	}

	@Test
	void refreshWhenDatabaseFailsThenKeepsServingLastKeys(CapturedOutput output) {
		this.node.maintenance.startup().block();
		String first = currentKid(this.node);
		this.database.client().sql("ALTER TABLE signing_keys RENAME TO signing_keys_away").then().block();
		try {
			this.node.keys.refresh().block();
			assertThat(currentKid(this.node)).isEqualTo(first);
			assertThat(publishedKids(this.node)).containsExactly(first);
			assertThat(output).contains("Could not reload the signing keys; still serving the 1 keys loaded at");
		}
		finally {
			this.database.client().sql("ALTER TABLE signing_keys_away RENAME TO signing_keys").then().block();
		}
	}

	private List<StoredSigningKey> storedKeys() {
		return this.node.store.findAll().collectList().block();
	}

	private static String currentKid(SigningKeyNode node) {
		return node.keys.current().block().kid();
	}

	private static List<String> publishedKids(SigningKeyNode node) {
		return node.keys.publishedKeys().block().getKeys().stream().map(JWK::getKeyID).toList();
	}

}
