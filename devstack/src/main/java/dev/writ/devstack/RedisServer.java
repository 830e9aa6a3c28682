package dev.writ.devstack;

/**
 * A running Redis server. {@link #stop()} and {@link #start()} keep the address, so fault
 * tests can take Redis away and bring it back while the applications keep their
 * configuration.
 */
public interface RedisServer extends AutoCloseable {

	String host();

	int port();

	void stop();

	void start();

	default String url() {
		return "redis://" + host() + ":" + port();
	}

	@Override
	void close();

}
