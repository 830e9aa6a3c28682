package dev.writ.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Redis from the binary packaged in a Maven artifact
 * (com.github.codemonstur:embedded-redis).
 */
final class EmbeddedRedis implements RedisServer {

	private final int port;

	private final redis.embedded.RedisServer server;

	private EmbeddedRedis(int port) {
		this.port = port;
		try {
			this.server = redis.embedded.RedisServer.newRedisServer()
				.port(port)
				.setting("bind 127.0.0.1")
				.setting("save \"\"")
				.setting("appendonly no")
				.build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static EmbeddedRedis launch() {
		EmbeddedRedis redis = new EmbeddedRedis(FreePorts.find());
		redis.start();
		return redis;
	}

	@Override
	public String host() {
		return "127.0.0.1";
	}

	@Override
	public int port() {
		return this.port;
	}

	@Override
	public void start() {
		try {
			this.server.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start embedded Redis on port " + this.port, ex);
		}
	}

	@Override
	public void stop() {
		try {
			this.server.stop();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		if (this.server.isActive()) {
			stop();
		}
	}

}
