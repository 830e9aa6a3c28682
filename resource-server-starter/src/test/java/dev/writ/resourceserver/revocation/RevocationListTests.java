package dev.writ.resourceserver.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RevocationListTests {

	private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

	@Test
	void isRevokedWhenRevokedAndNotExpiredThenTrue() {
		RevocationList list = list(this.now);
		list.revoke("at_1", this.now.plusSeconds(60));
		assertThat(list.isRevoked("at_1")).isTrue();
		assertThat(list.isRevoked("at_2")).isFalse();
	}

	@Test
	void isRevokedWhenExpiredWithinRetentionThenStillTrue() {
		// The validators still accept a token this far past exp, so its revocation must
		// still count.
		RevocationList list = list(this.now);
		list.revoke("at_1", this.now.minusSeconds(10));
		assertThat(list.isRevoked("at_1")).isTrue();
	}

	@Test
	void isRevokedWhenExpiredBeyondRetentionThenFalseAndDropped() {
		RevocationList list = list(this.now);
		list.revoke("at_1", this.now.plusSeconds(10));
		RevocationList later = list(this.now.plusSeconds(60));
		later.revoke("at_1", this.now.plusSeconds(10));
		assertThat(later.size()).isZero();
		assertThat(later.isRevoked("at_1")).isFalse();
	}

	@Test
	void purgeExpiredWhenEntriesOutliveRetentionThenDropped() {
		MutableClock clock = new MutableClock(this.now);
		RevocationList list = new RevocationList(Duration.ofSeconds(30), clock);
		list.revoke("at_short", this.now.plusSeconds(10));
		list.revoke("at_long", this.now.plusSeconds(600));
		clock.now = this.now.plusSeconds(45);
		list.purgeExpired();
		assertThat(list.size()).isOne();
		assertThat(list.isRevoked("at_long")).isTrue();
	}

	@Test
	void revokeWhenSameTokenTwiceThenLaterExpiryKept() {
		MutableClock clock = new MutableClock(this.now);
		RevocationList list = new RevocationList(Duration.ZERO, clock);
		list.revoke("at_1", this.now.plusSeconds(100));
		list.revoke("at_1", this.now.plusSeconds(10));
		clock.now = this.now.plusSeconds(50);
		assertThat(list.isRevoked("at_1")).isTrue();
	}

	private static RevocationList list(Instant now) {
		return new RevocationList(Duration.ofSeconds(30), Clock.fixed(now, ZoneOffset.UTC));
	}

	private static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
