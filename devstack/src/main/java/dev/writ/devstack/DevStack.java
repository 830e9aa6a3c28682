package dev.writ.devstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * The real PostgreSQL and Redis that tests and the local demo run on: containers when a
 * Docker engine is reachable, otherwise the binaries shipped in Maven artifacts. Either
 * way the callers see the same two handles.
 *
 * <p>
 * {@link #shared()} starts one pair per JVM and stops it when the JVM exits, so that
 * every test class of a module reuses it; each test class isolates itself with a database
 * of its own and distinct Redis keys.
 */
public final class DevStack implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(DevStack.class);

	private static DevStack shared;

	private final PostgresServer postgres;

	private final RedisServer redis;

	private DevStack(PostgresServer postgres, RedisServer redis) {
		this.postgres = postgres;
		this.redis = redis;
	}

	/** Starts a new PostgreSQL and Redis pair; the caller closes it. */
	public static DevStack start() {
		if (dockerAvailable()) {
			logger.info("Docker engine reachable: PostgreSQL and Redis run in containers");
			return new DevStack(ContainerPostgres.launch(), ContainerRedis.launch());
		}
		logger.info("No Docker engine: PostgreSQL and Redis run from Maven-packaged binaries");
		return new DevStack(EmbeddedPostgres.launch(), EmbeddedRedis.launch());
	}

	/**
	 * A Redis of the caller's own, which it closes: for a fault test that stops and
	 * restarts Redis, since restarting the shared one would disconnect, and empty, every
	 * other application of the JVM that uses it.
	 */
	public static RedisServer startRedis() {
		return dockerAvailable() ? ContainerRedis.launch() : EmbeddedRedis.launch();
	}

	/**
	 * The pair shared by everything in this JVM, started on first use and stopped at
	 * exit.
	 */
	public static synchronized DevStack shared() {
		if (shared == null) {
			shared = start();
			Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "devstack-shutdown"));
		}
		return shared;
	}

	private static boolean dockerAvailable() {
		if (Boolean.getBoolean("writ.devstack.embedded")) {
			return false;
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	public PostgresServer postgres() {
		return this.postgres;
	}

	public RedisServer redis() {
		return this.redis;
	}

	@Override
	public void close() {
		this.redis.close();
		this.postgres.close();
	}

}
