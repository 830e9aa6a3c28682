package dev.writ.resourceserver.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import io.lettuce.core.event.connection.ConnectionActivatedEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.ReactiveSubscription.Message;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

/**
 * Mirrors the authorization server's revocation list ({@code writ:revoked:at:{jti}} keys
 * in Redis) into a {@link RevocationList}: it subscribes to {@code writ:revocations},
 * then loads what was revoked before with SCAN.
 *
 * <p>
 * Pub/sub delivers nothing to a subscriber that is disconnected, so the listener loads
 * the whole list again whenever it may have missed messages: after it (re)subscribes and
 * after Lettuce reports a reconnect. A heartbeat publishes on a channel only this
 * instance subscribes to: one receiver proves the subscription is live and confirms the
 * list; no receiver or an error means messages may be missed, and the next live heartbeat
 * reloads first. The time of the last confirmation is what {@link LocalRevocationCheck}
 * compares with its maximum staleness.
 */
public final class RedisRevocationListener implements SmartLifecycle, RevocationFeed {

	public static final String CHANNEL = "writ:revocations";

	public static final String KEY_PREFIX = "writ:revoked:at:";

	private static final long SCAN_BATCH = 500;

	private static final Duration RETRY_PROBE = Duration.ofMillis(200);

	private static final Log logger = LogFactory.getLog(RedisRevocationListener.class);

	private final ReactiveRedisConnectionFactory connectionFactory;

	private final ReactiveStringRedisTemplate redis;

	private final RevocationList list;

	private final Duration heartbeatInterval;

	private final Clock clock;

	private final String probeChannel = CHANNEL + ":probe:" + UUID.randomUUID();

	private final Sinks.Many<Long> probes = Sinks.many().multicast().directBestEffort();

	private final Sinks.One<Void> firstLoad = Sinks.one();

	// A reload is due while requested > loaded; a request made during a reload survives
	// it.
	private final AtomicLong reloadsRequested = new AtomicLong(1);

	private final AtomicLong reloadsDone = new AtomicLong();

	private volatile @Nullable Instant confirmedAt;

	private volatile @Nullable Disposable running;

	private volatile @Nullable ReactiveRedisMessageListenerContainer container;

	public RedisRevocationListener(ReactiveRedisConnectionFactory connectionFactory, RevocationList list,
			Duration heartbeatInterval, Clock clock) {
		this.connectionFactory = connectionFactory;
		this.redis = new ReactiveStringRedisTemplate(connectionFactory);
		this.list = list;
		this.heartbeatInterval = heartbeatInterval;
		this.clock = clock;
	}

	@Override
	public @Nullable Instant confirmedAt() {
		return this.confirmedAt;
	}

	@Override
	public Mono<Void> firstLoad() {
		return this.firstLoad.asMono();
	}

	/** How long {@link #stop()} waits for a beat in flight. */
	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(2);

	private volatile @Nullable Scheduler writes;

	@Override
	public void start() {
		ReactiveRedisMessageListenerContainer container = new ReactiveRedisMessageListenerContainer(
				this.connectionFactory);
		this.container = container;
		Scheduler writes = Schedulers.newSingle("writ-revocation-heartbeat");
		this.writes = writes;
		this.running = Disposables.composite(subscribe(container), heartbeat(writes), reconnects());
	}

	private Disposable subscribe(ReactiveRedisMessageListenerContainer container) {
		return Mono.defer(() -> container.receiveLater(ChannelTopic.of(CHANNEL), ChannelTopic.of(this.probeChannel)))
			.doOnNext((messages) -> requestReload("subscribed to " + CHANNEL))
			.flatMapMany((messages) -> messages)
			.doOnNext(this::onMessage)
			.doOnError((ex) -> requestReload("subscription failed: " + ex.getMessage()))
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(5)))
			.repeatWhen((completions) -> completions.delayElements(Duration.ofSeconds(1)))
			.subscribe();
	}

	/**
	 * Probes are requested from Lettuce's own threads (events, replies): writing to Redis
	 * from those can deadlock with a connection being closed, so every beat starts on a
	 * thread of its own, which {@link #stop()} lets finish before the connection goes.
	 */
	private Disposable heartbeat(Scheduler writes) {
		return Flux
			.merge(Flux.interval(Duration.ZERO, this.heartbeatInterval),
					this.probes.asFlux().publishOn(Schedulers.parallel()))
			.onBackpressureDrop()
			.concatMap((tick) -> Mono.defer(this::beat).subscribeOn(writes).onErrorResume((ex) -> {
				logger.debug("Revocation heartbeat failed: " + ex.getMessage());
				requestReload(null);
				return Mono.empty();
			}), 1)
			.subscribe();
	}

	// Lettuce re-subscribes by itself after a reconnect, without telling the subscriber
	// what it missed.
	private Disposable reconnects() {
		if (this.connectionFactory instanceof LettuceConnectionFactory lettuce && lettuce.getNativeClient() != null) {
			return lettuce.getNativeClient()
				.getResources()
				.eventBus()
				.get()
				.filter(ConnectionActivatedEvent.class::isInstance)
				.subscribe((event) -> requestReload("Redis connection (re)activated"));
		}
		return Disposables.disposed();
	}

	private void onMessage(Message<String, String> message) {
		if (!CHANNEL.equals(message.getChannel())) {
			return;
		}
		RevocationMessage revocation = RevocationMessage.parse(message.getMessage());
		if (revocation == null) {
			logger.warn("Ignoring a message on " + CHANNEL + " that is not a revocation");
			return;
		}
		this.list.revoke(revocation.tokenId(), revocation.expiresAt());
	}

	private void requestReload(@Nullable String reason) {
		this.reloadsRequested.incrementAndGet();
		if (reason != null) {
			logger.debug("Revocation list reload requested: " + reason);
			this.probes.tryEmitNext(0L);
		}
	}

	private Mono<Void> beat() {
		this.list.purgeExpired();
		// Lettuce queues commands while it reconnects: a probe that waits that long means
		// Redis was away.
		return this.redis.convertAndSend(this.probeChannel, "ping")
			.timeout(this.heartbeatInterval)
			.flatMap((receivers) -> {
				long requested = this.reloadsRequested.get();
				if (receivers == 0) {
					// Redis is back but the subscription is not yet: try again shortly
					// rather than a whole interval later.
					Mono.delay(RETRY_PROBE).subscribe((ignored) -> this.probes.tryEmitNext(0L));
					return Mono.empty();
				}
				if (requested > this.reloadsDone.get()) {
					return reload(requested);
				}
				this.confirmedAt = this.clock.instant();
				return Mono.empty();
			});
	}

	private Mono<Void> reload(long requested) {
		Instant started = this.clock.instant();
		return this.redis.scan(ScanOptions.scanOptions().match(KEY_PREFIX + "*").count(SCAN_BATCH).build())
			.buffer((int) SCAN_BATCH)
			.concatMap(this::load)
			.reduce(0, Integer::sum)
			.doOnNext((loaded) -> {
				this.reloadsDone.accumulateAndGet(requested, Math::max);
				// Confirmed as of when the scan began: anything revoked later arrived by
				// message.
				this.confirmedAt = started;
				this.firstLoad.tryEmitEmpty();
				logger.debug("Loaded " + loaded + " revoked token(s) from Redis");
			})
			.then();
	}

	private Mono<Integer> load(List<String> keys) {
		return this.redis.opsForValue().multiGet(keys).map((values) -> {
			int loaded = 0;
			for (int i = 0; i < keys.size(); i++) {
				RevocationMessage entry = RevocationMessage.fromEntry(keys.get(i), values.get(i));
				if (entry != null) {
					this.list.revoke(entry.tokenId(), entry.expiresAt());
					loaded++;
				}
			}
			return loaded;
		});
	}

	@Override
	public void stop() {
		Disposable running = this.running;
		if (running != null) {
			running.dispose();
			this.running = null;
		}
		Scheduler writes = this.writes;
		if (writes != null) {
			awaitWrites(writes);
			this.writes = null;
		}
		ReactiveRedisMessageListenerContainer container = this.container;
		if (container != null) {
			container.destroyLater().subscribe(null, (ex) -> logger.debug("Closing the subscription failed", ex));
			this.container = null;
		}
	}

	/**
	 * Lets a beat that is writing to Redis finish before the connection factory closes
	 * the connection: Lettuce can deadlock when a write and a close meet (its
	 * {@code SharedLock}, redis/lettuce#3880). Bounded, so a stuck Redis cannot hold up a
	 * shutdown; {@code stop()} runs on a lifecycle thread, never on an event loop.
	 */
	private static void awaitWrites(Scheduler writes) {
		try {
			writes.disposeGracefully().toFuture().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			writes.dispose();
		}
		catch (ExecutionException | TimeoutException ex) {
			logger.debug("The revocation heartbeat did not stop in time: " + ex.getMessage());
			writes.dispose();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running != null;
	}

	/** Starts before the web server so that the first requests find the list loaded. */
	@Override
	public int getPhase() {
		return 0;
	}

}
