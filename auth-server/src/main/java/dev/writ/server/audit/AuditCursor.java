package dev.writ.server.audit;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a page of the audit log ended: its last record's time and id. The next page is
 * the records strictly before it in the log's order (newest first, ties by id), so pages
 * neither overlap nor skip a record, even while new records arrive (they come before the
 * first page, not between pages) and even when many records share a time.
 *
 * <p>
 * {@link #toString()} gives the cursor as an opaque-looking string for an API's
 * {@code before} parameter, and {@link #parse} reads it back.
 *
 * @param occurredAt the record's time, to the microsecond
 * @param id the record's id
 */
public record AuditCursor(Instant occurredAt, long id) {

	private static final Pattern FORMAT = Pattern.compile("(-?\\d{1,19})_(\\d{1,19})");

	public AuditCursor {
		Objects.requireNonNull(occurredAt, "occurredAt");
		if (id < 1) {
			throw new IllegalArgumentException("an audit record id is positive");
		}
		AuditFilter.requireQueryable(occurredAt, "occurredAt");
		occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * Reads a cursor written by {@link #toString()}.
	 * @throws IllegalArgumentException if {@code value} is not one
	 */
	public static AuditCursor parse(String value) {
		Matcher matcher = FORMAT.matcher(value);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("malformed audit log cursor");
		}
		try {
			long micros = Long.parseLong(matcher.group(1));
			long id = Long.parseLong(matcher.group(2));
			return new AuditCursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
		}
		catch (ArithmeticException | DateTimeException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("malformed audit log cursor", ex);
		}
	}

	/**
	 * The time in microseconds since the epoch and the id: {@code 1767225600000000_42}.
	 */
	@Override
	public String toString() {
		return ChronoUnit.MICROS.between(Instant.EPOCH, this.occurredAt) + "_" + this.id;
	}

}
