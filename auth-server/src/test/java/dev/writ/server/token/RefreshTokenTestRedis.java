package dev.writ.server.token;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.writ.devstack.DevStack;
import dev.writ.devstack.RedisServer;
import dev.writ.server.org.OrganizationRole;
import dev.writ.server.protocol.Scope;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * A connection to the shared devstack Redis for the refresh-token contract tests, and
 * their fixtures. Each test works on users of its own, so tests share Redis without
 * seeing each other's families.
 */
final class RefreshTokenTestRedis implements AutoCloseable {

	static final String CLIENT = "web-client";

	static final String OTHER_CLIENT = "other-client";

	static final RefreshTokenPolicy POLICY = new RefreshTokenPolicy(Duration.ofHours(1), Duration.ofDays(1));

	private final LettuceConnectionFactory connections;

	private RefreshTokenTestRedis(LettuceConnectionFactory connections) {
		this.connections = connections;
	}

	static RefreshTokenTestRedis connect() {
		RedisServer server = DevStack.shared().redis();
		return connect(server.host(), server.port(), true);
	}

	/**
	 * A connection opened on first use rather than now, so that one to an address where
	 * nothing listens can be made.
	 */
	static RefreshTokenTestRedis connect(String host, int port, boolean eager) {
		LettuceConnectionFactory connections = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(host, port));
		// opened here, on the test thread, since opening blocks
		connections.setEagerInitialization(eager);
		connections.afterPropertiesSet();
		connections.start();
		return new RefreshTokenTestRedis(connections);
	}

	LettuceConnectionFactory connections() {
		return this.connections;
	}

	ReactiveStringRedisTemplate template() {
		return new ReactiveStringRedisTemplate(this.connections);
	}

	static String newUser() {
		return "user-" + UUID.randomUUID();
	}

	static RefreshGrant grant(String user) {
		return new RefreshGrant(user, CLIENT, Scope.parse("openid offline_access read:projects"), "session-1",
				Instant.parse("2030-01-01T00:00:00.123456Z"), List.of("https://api.example.test", "sample-api"),
				new OrganizationRole("acme", "member"), List.of("pwd"));
	}

	@Override
	public void close() {
		this.connections.destroy();
	}

}
