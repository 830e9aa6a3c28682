package dev.writ.server.apitoken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * When each API token was last used, written behind: a use sets
 * {@code writ:pat:last-used:{id}} in Redis, and every node moves those times into
 * {@code api_tokens.last_used_at} once per flush interval. The database therefore sees at
 * most one write per token per interval whatever the traffic. Two nodes flushing the same
 * entry write the same time, and {@code GREATEST} keeps a late flush from moving it back;
 * an entry is deleted only after its time was written and only if no newer use replaced
 * it meanwhile, so a failed or foreign write (a token this database does not have) never
 * loses a use.
 */
@Component
final class ApiTokenLastUse implements SchedulingConfigurer {

	static final String KEY_PREFIX = "writ:pat:last-used:";

	/** Long enough to survive many missed flushes; short enough not to leak keys. */
	private static final Duration ENTRY_TTL = Duration.ofDays(1);

	private static final String UPDATE = """
			UPDATE api_tokens SET last_used_at = GREATEST(last_used_at, :usedAt) WHERE id = :id""";

	/** Deletes the entry only if it still holds the time that was just written. */
	private static final RedisScript<Long> DELETE_IF_UNCHANGED = RedisScript.of("""
			if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
			return 0""", Long.class);

	private static final Logger logger = LoggerFactory.getLogger(ApiTokenLastUse.class);

	private final ReactiveStringRedisTemplate redis;

	private final DatabaseClient database;

	private final Clock clock;

	private final Duration flushInterval;

	private final AtomicBoolean flushing = new AtomicBoolean();

	ApiTokenLastUse(ReactiveStringRedisTemplate redis, DatabaseClient database, Clock clock,
			ApiTokenProperties properties) {
		this.redis = redis;
		this.database = database;
		this.clock = clock;
		this.flushInterval = properties.lastUseFlushInterval();
	}

	/**
	 * Notes a use now: one Redis write, no database write. Best effort: a use is not
	 * refused because its bookkeeping failed.
	 */
	Mono<Void> record(String id) {
		return this.redis.opsForValue()
			.set(KEY_PREFIX + id, Long.toString(this.clock.millis()), ENTRY_TTL)
			.then()
			.onErrorResume((ex) -> {
				logger.debug("Could not note the use of API token {}: {}", id, ex.getMessage());
				return Mono.empty();
			});
	}

	/** Moves every noted use into PostgreSQL; emits how many tokens it updated. */
	Mono<Long> flush() {
		return this.redis.scan(ScanOptions.scanOptions().match(KEY_PREFIX + "*").count(500).build())
			.concatMap((key) -> this.redis.opsForValue()
				.get(key)
				.flatMap((millis) -> write(key.substring(KEY_PREFIX.length()), millis).filter((updated) -> updated > 0)
					.flatMap((updated) -> this.redis.execute(DELETE_IF_UNCHANGED, List.of(key), List.of(millis))
						.then(Mono.just(updated)))))
			.count();
	}

	private Mono<Long> write(String id, String millis) {
		Instant usedAt;
		try {
			usedAt = Instant.ofEpochMilli(Long.parseLong(millis));
		}
		catch (NumberFormatException ex) {
			return Mono.empty();
		}
		return this.database.sql(UPDATE).bind("usedAt", usedAt).bind("id", id).fetch().rowsUpdated();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new FixedDelayTask(this::flushAlone, this.flushInterval, this.flushInterval));
	}

	// The task only subscribes, so it never holds a scheduler thread; a flush still
	// running makes the next one skip.
	private void flushAlone() {
		if (!this.flushing.compareAndSet(false, true)) {
			return;
		}
		flush().doFinally((signal) -> this.flushing.set(false))
			.subscribe(null, (ex) -> logger.warn("Flushing API-token last-use times failed; trying again in {}",
					this.flushInterval, ex));
	}

}
