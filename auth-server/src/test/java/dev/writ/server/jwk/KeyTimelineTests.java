package dev.writ.server.jwk;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyTimelineTests {

	private static final Duration RETENTION = Duration.ofHours(25);

	private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

	private static long ids;

	@Test
	void ofWhenOneActivatedKeyThenItIsActiveAndPublished() {
		KeyTimeline timeline = KeyTimeline.of(List.of(key("a", T0, T0)), T0, RETENTION);
		assertThat(timeline.active()).map((entry) -> entry.key().kid()).contains("a");
		assertThat(kids(timeline.published())).containsExactly("a");
		assertThat(timeline.upcoming()).isEmpty();
	}

	@Test
	void ofWhenSuccessorNotYetActiveThenItIsUpcomingAndPredecessorStillSigns() {
		List<StoredSigningKey> keys = List.of(key("a", T0, T0), key("b", T0.plusSeconds(60), hours(1)));
		KeyTimeline timeline = KeyTimeline.of(keys, T0.plusSeconds(120), RETENTION);
		assertThat(timeline.active()).map((entry) -> entry.key().kid()).contains("a");
		assertThat(kids(timeline.upcoming())).containsExactly("b");
		assertThat(kids(timeline.published())).containsExactly("a", "b");
	}

	@Test
	void ofWhenSuccessorActivatedThenPredecessorRetiredUntilSuccessorActivationPlusRetention() {
		List<StoredSigningKey> keys = List.of(key("a", T0, T0), key("b", T0, hours(1)));
		KeyTimeline timeline = KeyTimeline.of(keys, hours(2), RETENTION);
		assertThat(timeline.active()).map((entry) -> entry.key().kid()).contains("b");
		KeyTimeline.Entry retired = timeline.entries().get(0);
		assertThat(retired.state()).isEqualTo(KeyTimeline.State.RETIRED);
		assertThat(retired.retiredAt()).isEqualTo(hours(1));
		assertThat(retired.publishedUntil()).isEqualTo(hours(26));
		assertThat(kids(timeline.published())).containsExactly("b", "a");
	}

	@Test
	void ofWhenRetentionOverThenExpiredAndNotPublished() {
		List<StoredSigningKey> keys = List.of(key("a", T0, T0), key("b", T0, hours(1)));
		assertThat(KeyTimeline.of(keys, hours(26).minusMillis(1), RETENTION).expired()).isEmpty();
		KeyTimeline timeline = KeyTimeline.of(keys, hours(26), RETENTION);
		assertThat(kids(timeline.expired())).containsExactly("a");
		assertThat(kids(timeline.published())).containsExactly("b");
	}

	@Test
	void ofWhenImmediateKeyCreatedWhileAnotherIsUpcomingThenImmediateSignsAndOvertakenKeyNeverDoes() {
		List<StoredSigningKey> keys = List.of(key("a", T0, T0), key("overtaken", hours(1), hours(2)),
				key("immediate", hours(1).plusSeconds(1), hours(1).plusSeconds(1)));
		KeyTimeline timeline = KeyTimeline.of(keys, hours(1).plusSeconds(2), RETENTION);
		assertThat(timeline.active()).map((entry) -> entry.key().kid()).contains("immediate");
		assertThat(timeline.upcoming()).isEmpty();
		assertThat(kids(timeline.published())).containsExactly("immediate", "overtaken", "a");
		KeyTimeline later = KeyTimeline.of(keys, hours(3), RETENTION);
		assertThat(later.active()).map((entry) -> entry.key().kid()).contains("immediate");
		assertThat(later.entries().get(1).state()).isEqualTo(KeyTimeline.State.RETIRED);
		assertThat(later.entries().get(1).retiredAt()).isEqualTo(hours(1).plusSeconds(1));
	}

	@Test
	void ofWhenNewestKeyActivatesEarlierThanOlderOneThenNewestSigns() {
		// a node whose clock is behind made the newest key
		List<StoredSigningKey> keys = List.of(key("a", T0, T0.plusSeconds(10)), key("b", T0, T0.plusSeconds(5)));
		KeyTimeline timeline = KeyTimeline.of(keys, T0.plusSeconds(10), RETENTION);
		assertThat(timeline.active()).map((entry) -> entry.key().kid()).contains("b");
		assertThat(timeline.entries().get(0).retiredAt()).isEqualTo(T0.plusSeconds(5));
	}

	@Test
	void ofWhenTwoKeysActivateAtSameInstantThenLaterCreatedSigns() {
		List<StoredSigningKey> keys = List.of(key("first", T0, T0), key("second", T0, T0));
		KeyTimeline timeline = KeyTimeline.of(List.of(keys.get(1), keys.get(0)), T0, RETENTION);
		assertThat(timeline.active()).map((entry) -> entry.key().kid()).contains("second");
		assertThat(timeline.entries().get(0).retiredAt()).isEqualTo(T0);
	}

	@Test
	void ofWhenSeveralRetiredThenNewestFirstInJwks() {
		StoredSigningKey a = key("a", T0, T0);
		StoredSigningKey b = key("b", T0, hours(1));
		StoredSigningKey c = key("c", T0, hours(2));
		KeyTimeline timeline = KeyTimeline.of(List.of(c, a, b), hours(3), RETENTION);
		assertThat(kids(timeline.entries())).containsExactly("a", "b", "c");
		assertThat(kids(timeline.published())).containsExactly("c", "b", "a");
	}

	@Test
	void ofWhenNoKeyActivatedYetThenNoActiveKey() {
		KeyTimeline timeline = KeyTimeline.of(List.of(key("a", T0, hours(1))), T0, RETENTION);
		assertThat(timeline.active()).isEmpty();
		assertThat(kids(timeline.published())).containsExactly("a");
	}

	private static Instant hours(long hours) {
		return T0.plus(Duration.ofHours(hours));
	}

	private static StoredSigningKey key(String kid, Instant createdAt, Instant activatesAt) {
		// created in the order the tests list them
		return new StoredSigningKey(++ids, kid, SigningAlgorithm.RS256, "{}", new byte[0], "fingerprint", createdAt,
				activatesAt);
	}

	private static List<String> kids(List<KeyTimeline.Entry> entries) {
		return entries.stream().map((entry) -> entry.key().kid()).toList();
	}

}
