package dev.writ.server.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Which records of an organization's audit log to read: every condition given must hold,
 * and a {@code null} one does not filter. Records come newest first, at most
 * {@link #limit} of them.
 *
 * @param action only this event type, e.g. {@code membership.role_changed}
 * @param actorId only what this user, client or task did
 * @param targetKind only what was done to this kind of thing, e.g. {@code api_token}
 * @param from only records at or after this time
 * @param to only records before this time (exclusive, so that consecutive ranges do not
 * overlap)
 * @param before only records after this cursor in the log's order: the next page
 * @param limit how many records at most, 1 to {@value #MAX_LIMIT}
 */
public record AuditFilter(@Nullable String action, @Nullable String actorId, @Nullable String targetKind,
		@Nullable Instant from, @Nullable Instant to, @Nullable AuditCursor before, int limit) {

	/**
	 * The largest page: enough for a screen of history, small enough that one request
	 * cannot make the database walk an organization's whole log.
	 */
	public static final int MAX_LIMIT = 100;

	/** The page size when the reader asks for none. */
	public static final int DEFAULT_LIMIT = 50;

	/** The newest {@value #DEFAULT_LIMIT} records, unfiltered. */
	public static final AuditFilter NEWEST = new AuditFilter(null, null, null, null, null, null, DEFAULT_LIMIT);

	/**
	 * The earliest and latest times a filter or cursor may name: years 1 to 9999, which
	 * ISO-8601 strings and PostgreSQL both hold, so that a query never fails in the
	 * database on a time a reader made up.
	 */
	private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

	public AuditFilter {
		requireQueryable(from, "from");
		requireQueryable(to, "to");
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("the limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
		}
		if (from != null && to != null && !from.isBefore(to)) {
			throw new IllegalArgumentException("the time range must start before it ends");
		}
	}

	static void requireQueryable(@Nullable Instant time, String name) {
		if (time != null && (time.isBefore(EARLIEST) || time.isAfter(LATEST))) {
			throw new IllegalArgumentException("the time '" + name + "' must be within the years 1 to 9999");
		}
	}

	public AuditFilter withAction(@Nullable String action) {
		return new AuditFilter(action, this.actorId, this.targetKind, this.from, this.to, this.before, this.limit);
	}

	public AuditFilter withActorId(@Nullable String actorId) {
		return new AuditFilter(this.action, actorId, this.targetKind, this.from, this.to, this.before, this.limit);
	}

	public AuditFilter withTargetKind(@Nullable String targetKind) {
		return new AuditFilter(this.action, this.actorId, targetKind, this.from, this.to, this.before, this.limit);
	}

	/** Records at or after {@code from} and before {@code to}; either may be open. */
	public AuditFilter withTimeRange(@Nullable Instant from, @Nullable Instant to) {
		return new AuditFilter(this.action, this.actorId, this.targetKind, from, to, this.before, this.limit);
	}

	public AuditFilter withBefore(@Nullable AuditCursor before) {
		return new AuditFilter(this.action, this.actorId, this.targetKind, this.from, this.to, before, this.limit);
	}

	public AuditFilter withLimit(int limit) {
		return new AuditFilter(this.action, this.actorId, this.targetKind, this.from, this.to, this.before, limit);
	}

}
