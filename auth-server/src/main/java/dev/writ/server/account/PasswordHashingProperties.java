package dev.writ.server.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Argon2id parameters for user passwords, and how much hashing may wait. New hashes use
 * these values; hashes made with other values keep verifying, since each hash carries its
 * own parameters.
 *
 * @param memoryKib Memory per hash in KiB. The default, 19 MiB with two iterations and
 * one lane, is the first configuration the OWASP Password Storage Cheat Sheet recommends
 * for Argon2id; a hash then takes tens of milliseconds on one core. Raise it with the
 * hardware: each hashing thread (one per core) holds this much while it works.
 * @param iterations Passes over the memory (Argon2's t); at least 1.
 * @param parallelism Lanes per hash (Argon2's p). One, because concurrent sign-ins
 * already keep every core busy.
 * @param queueCapacity Hashes that may wait for a free core. Beyond that a sign-in gets
 * 503 at once instead of waiting behind a flood: the default is a few seconds of work on
 * a small machine.
 */
@ConfigurationProperties("writ.password-hashing")
public record PasswordHashingProperties(@DefaultValue("19456") int memoryKib, @DefaultValue("2") int iterations,
		@DefaultValue("1") int parallelism, @DefaultValue("256") int queueCapacity) {

	/** RFC 9106 §3.1: at least 8 KiB per lane. */
	private static final int MINIMUM_MEMORY_KIB_PER_LANE = 8;

	public PasswordHashingProperties {
		if (parallelism < 1) {
			throw new IllegalArgumentException("writ.password-hashing.parallelism must be at least 1");
		}
		if (memoryKib < MINIMUM_MEMORY_KIB_PER_LANE * parallelism) {
			throw new IllegalArgumentException("writ.password-hashing.memory-kib must be at least "
					+ MINIMUM_MEMORY_KIB_PER_LANE * parallelism + " but is " + memoryKib);
		}
		if (iterations < 1) {
			throw new IllegalArgumentException("writ.password-hashing.iterations must be at least 1");
		}
		if (queueCapacity < 1) {
			throw new IllegalArgumentException("writ.password-hashing.queue-capacity must be at least 1");
		}
	}

}
