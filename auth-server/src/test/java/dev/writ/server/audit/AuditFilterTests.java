package dev.writ.server.audit;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** {@link AuditFilter} and {@link AuditCursor}: what a reader may ask for. */
class AuditFilterTests {

	private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

	@Test
	void newestWhenUnchangedThenDefaultLimitAndNoConditions() {
		assertThat(AuditFilter.NEWEST)
			.isEqualTo(new AuditFilter(null, null, null, null, null, null, AuditFilter.DEFAULT_LIMIT));
		assertThat(AuditFilter.DEFAULT_LIMIT).isEqualTo(50);
	}

	@Test
	void withMethodsWhenCalledThenOnlyTheirConditionChanges() {
		AuditCursor cursor = new AuditCursor(T0, 7);
		AuditFilter filter = AuditFilter.NEWEST.withAction("membership.added")
			.withActorId("usr_alice")
			.withTargetKind("membership")
			.withTimeRange(T0, T0.plusSeconds(1))
			.withBefore(cursor)
			.withLimit(100);
		assertThat(filter).isEqualTo(
				new AuditFilter("membership.added", "usr_alice", "membership", T0, T0.plusSeconds(1), cursor, 100));
	}

	@Test
	void constructorWhenLimitOutOfRangeThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> AuditFilter.NEWEST.withLimit(0))
			.withMessage("the limit must be between 1 and 100, not 0");
		assertThatIllegalArgumentException().isThrownBy(() -> AuditFilter.NEWEST.withLimit(101))
			.withMessage("the limit must be between 1 and 100, not 101");
		assertThat(AuditFilter.NEWEST.withLimit(1).limit()).isEqualTo(1);
	}

	@Test
	void constructorWhenRangeEndsBeforeOrAtItsStartThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> AuditFilter.NEWEST.withTimeRange(T0, T0));
		assertThatIllegalArgumentException().isThrownBy(() -> AuditFilter.NEWEST.withTimeRange(T0.plusSeconds(1), T0));
	}

	@Test
	void cursorWhenWrittenThenParsedBackToMicroseconds() {
		AuditCursor cursor = new AuditCursor(Instant.parse("2026-03-01T10:00:00.123456789Z"), 42);
		assertThat(cursor.occurredAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123456Z"));
		assertThat(cursor.toString()).isEqualTo("1772359200123456_42");
		assertThat(AuditCursor.parse(cursor.toString())).isEqualTo(cursor);
		AuditCursor beforeEpoch = new AuditCursor(Instant.parse("1969-12-31T23:59:59Z"), 1);
		assertThat(AuditCursor.parse(beforeEpoch.toString())).isEqualTo(beforeEpoch);
	}

	@Test
	void cursorWhenMalformedThenRefused() {
		for (String value : new String[] { "", "42", "abc_1", "1_abc", "1_0", "1_-1", "1_2_3", " 1_2",
				"99999999999999999999_1", "9223372036854775807_1" }) {
			assertThatIllegalArgumentException().as(value)
				.isThrownBy(() -> AuditCursor.parse(value))
				.withMessage("malformed audit log cursor");
		}
	}

	@Test
	void cursorWhenIdNotPositiveThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AuditCursor(T0, 0));
	}

	@Test
	void constructorWhenTimeOutsideYearsOneTo9999ThenRefused() {
		Instant tooLate = Instant.parse("+10000-01-01T00:00:00Z");
		Instant tooEarly = Instant.parse("0000-12-31T23:59:59Z");
		assertThatIllegalArgumentException().isThrownBy(() -> AuditFilter.NEWEST.withTimeRange(tooEarly, null))
			.withMessage("the time 'from' must be within the years 1 to 9999");
		assertThatIllegalArgumentException().isThrownBy(() -> AuditFilter.NEWEST.withTimeRange(null, tooLate))
			.withMessage("the time 'to' must be within the years 1 to 9999");
		assertThatIllegalArgumentException().isThrownBy(() -> new AuditCursor(tooLate, 1));
		assertThat(AuditFilter.NEWEST.withTimeRange(Instant.parse("0001-01-01T00:00:00Z"),
				Instant.parse("9999-12-31T23:59:59Z")))
			.isNotNull();
	}

}
