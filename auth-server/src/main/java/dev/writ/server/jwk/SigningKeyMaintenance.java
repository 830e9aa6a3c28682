package dev.writ.server.jwk;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Brings the signing keys up at start-up and keeps them current: checks that the
 * configured key-encryption key is the one the stored keys were sealed with, creates the
 * first key on an empty table, then reloads the keys and checks for a due rotation on the
 * configured intervals. The scheduled tasks only subscribe to reactive work and return,
 * so they never hold a scheduler thread; a run still in progress makes the next one skip.
 */
final class SigningKeyMaintenance implements InitializingBean, SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(SigningKeyMaintenance.class);

	private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(1);

	private final SigningKeyStore store;

	private final KeyMaterial material;

	private final KeyRotation rotation;

	private final SigningKeys keys;

	private final SigningKeyProperties properties;

	private final AtomicBoolean refreshing = new AtomicBoolean();

	private final AtomicBoolean checking = new AtomicBoolean();

	SigningKeyMaintenance(SigningKeyStore store, KeyMaterial material, KeyRotation rotation, SigningKeys keys,
			SigningKeyProperties properties) {
		this.store = store;
		this.material = material;
		this.rotation = rotation;
		this.keys = keys;
		this.properties = properties;
	}

	@Override
	public void afterPropertiesSet() throws Exception {
		if (Schedulers.isInNonBlockingThread()) {
			throw new IllegalStateException("Signing keys must be started from the application's start-up thread");
		}
		// The application must not start serving before the key-encryption key is checked
		// and a key exists, so this
		// is the one place the signing keys are waited for: once, on the thread that
		// refreshes the context.
		try {
			startup().toFuture().get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof Exception cause) ? cause : ex;
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("Signing keys could not be loaded within " + STARTUP_TIMEOUT, ex);
		}
	}

	/**
	 * Checks the key-encryption key, creates the first key if there is none, and loads
	 * the keys.
	 */
	Mono<Void> startup() {
		return checkEncryptionKey().then(this.rotation.createFirstKeyIfNone()).then(this.keys.load());
	}

	/**
	 * Fails when any stored key was sealed under another key-encryption key than the
	 * configured one.
	 */
	Mono<Void> checkEncryptionKey() {
		return this.store.kekFingerprints()
			.filter((fingerprint) -> !fingerprint.equals(this.material.fingerprint()))
			.collectList()
			.flatMap((foreign) -> foreign.isEmpty() ? Mono.empty() : Mono.error(foreignKeys(foreign)));
	}

	/**
	 * The scheduled check: creates a due key and deletes expired ones, then reloads if
	 * either changed anything.
	 */
	Mono<Void> check() {
		return this.rotation.rotateIfDue()
			.hasElement()
			.flatMap((created) -> this.rotation.deleteExpired().map((deleted) -> created || deleted > 0))
			.flatMap((changed) -> changed ? this.keys.refresh() : Mono.empty());
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		Duration refresh = this.properties.refreshInterval();
		Duration check = this.properties.checkInterval();
		registrar.addFixedDelayTask(
				new FixedDelayTask(() -> runAlone(this.refreshing, this.keys::refresh, "reload"), refresh, refresh));
		registrar.addFixedDelayTask(
				new FixedDelayTask(() -> runAlone(this.checking, this::check, "rotation check"), check, check));
	}

	private void runAlone(AtomicBoolean running, Supplier<Mono<Void>> work, String name) {
		if (!running.compareAndSet(false, true)) {
			logger.debug("Skipping signing key {}: the previous one is still running", name);
			return;
		}
		work.get()
			.doFinally((signal) -> running.set(false))
			.subscribe(null,
					(ex) -> logger.error("Signing key {} failed; trying again at the next interval", name, ex));
	}

	private IllegalStateException foreignKeys(List<String> fingerprints) {
		return new IllegalStateException("The signing keys in the database were sealed under another key-encryption key"
				+ " (fingerprint " + String.join(", ", fingerprints) + ") than the one configured (fingerprint "
				+ this.material.fingerprint() + "). Set writ.keys.encryption-key to the key they were sealed with;"
				+ " every node on one database needs the same writ.keys.encryption-key.");
	}

}
