package dev.writ.resourceserver.revocation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.writ.devstack.DevStack;
import dev.writ.devstack.RedisServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.test.StepVerifier;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The listener against a real Redis: messages, the initial SCAN, reloads after Redis
 * comes back, staleness.
 */
@Timeout(60)
class RedisRevocationListenerTests {

	private final RedisServer server = DevStack.shared().redis();

	private LettuceConnectionFactory connectionFactory;

	private ReactiveStringRedisTemplate redis;

	private RevocationList list;

	private RedisRevocationListener listener;

	@BeforeEach
	void connect() {
		this.connectionFactory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(this.server.host(), this.server.port()));
		this.connectionFactory.afterPropertiesSet();
		this.connectionFactory.start();
		this.redis = new ReactiveStringRedisTemplate(this.connectionFactory);
		this.list = new RevocationList(Duration.ofSeconds(30), Clock.systemUTC());
		this.listener = new RedisRevocationListener(this.connectionFactory, this.list, Duration.ofMillis(200),
				Clock.systemUTC());
	}

	@AfterEach
	void disconnect() {
		this.listener.stop();
		this.connectionFactory.destroy();
	}

	@Test
	void publishWhenListeningThenRevokedWithinOneSecond() {
		this.listener.start();
		StepVerifier.create(this.listener.firstLoad()).expectComplete().verify(Duration.ofSeconds(5));
		String jti = "at_" + UUID.randomUUID();
		long exp = Instant.now().plusSeconds(300).getEpochSecond();
		this.redis.convertAndSend(RedisRevocationListener.CHANNEL, "{\"jti\":\"" + jti + "\",\"exp\":" + exp + "}")
			.block();
		await().atMost(Duration.ofSeconds(1)).until(() -> this.list.isRevoked(jti));
	}

	@Test
	void startWhenKeysStoredBeforeThenLoadedByScan() {
		String jti = "at_" + UUID.randomUUID();
		revokeInRedis(jti);
		this.listener.start();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.list.isRevoked(jti));
		assertThat(this.listener.confirmedAt()).isNotNull();
	}

	@Test
	void startWhenStoredValueIsNotAnExpiryThenIgnored() {
		String jti = "at_" + UUID.randomUUID();
		this.redis.opsForValue().set(RedisRevocationListener.KEY_PREFIX + jti, "soon", Duration.ofMinutes(1)).block();
		this.listener.start();
		StepVerifier.create(this.listener.firstLoad()).expectComplete().verify(Duration.ofSeconds(5));
		assertThat(this.list.isRevoked(jti)).isFalse();
	}

	@Test
	void messageWhenNotARevocationThenIgnoredAndListenerKeepsListening() {
		this.listener.start();
		StepVerifier.create(this.listener.firstLoad()).expectComplete().verify(Duration.ofSeconds(5));
		this.redis.convertAndSend(RedisRevocationListener.CHANNEL, "not json").block();
		String jti = "at_" + UUID.randomUUID();
		this.redis
			.convertAndSend(RedisRevocationListener.CHANNEL,
					"{\"jti\":\"" + jti + "\",\"exp\":" + Instant.now().plusSeconds(60).getEpochSecond() + "}")
			.block();
		await().atMost(Duration.ofSeconds(1)).until(() -> this.list.isRevoked(jti));
	}

	@Test
	void redisRestartWhenRevocationsMissedThenListReloads() throws IOException {
		this.listener.start();
		StepVerifier.create(this.listener.firstLoad()).expectComplete().verify(Duration.ofSeconds(5));
		// Stored without a message, as if the message had been lost: only a reload can
		// find it.
		String jti = "at_" + UUID.randomUUID();
		revokeInRedis(jti);
		// No assertion that the list lacks it yet: a heartbeat that times out on a slow
		// machine may reload early,
		// which is correct behaviour. What matters is that after the restart the list has
		// it.
		// The embedded Redis keeps nothing across a restart unless told to save first.
		Path dump = dumpFile();
		this.redis.execute((connection) -> connection.serverCommands().save()).blockLast();
		try {
			this.server.stop();
			sleep(Duration.ofMillis(500));
			this.server.start();
			await().atMost(Duration.ofSeconds(15)).until(() -> this.list.isRevoked(jti));
		}
		finally {
			Files.deleteIfExists(dump);
		}
	}

	private Path dumpFile() {
		List<String> dir = this.redis.execute((connection) -> connection.serverCommands().getConfig("dir"))
			.map((config) -> List.of(config.getProperty("dir")))
			.blockFirst();
		return Path.of(dir.get(0), "dump.rdb");
	}

	@Test
	void checkWhenRedisUnreachableLongerThanMaxStalenessThenPolicyDecides() {
		this.listener.start();
		StepVerifier.create(this.listener.firstLoad()).expectComplete().verify(Duration.ofSeconds(5));
		LocalRevocationCheck reject = new LocalRevocationCheck(this.list, this.listener, FailurePolicy.REJECT,
				Duration.ofSeconds(1), Clock.systemUTC());
		LocalRevocationCheck accept = new LocalRevocationCheck(this.list, this.listener, FailurePolicy.ACCEPT,
				Duration.ofSeconds(1), Clock.systemUTC());
		Jwt token = token("at_" + UUID.randomUUID());
		StepVerifier.create(reject.check(token)).verifyComplete();
		this.server.stop();
		try {
			sleep(Duration.ofMillis(1500));
			StepVerifier.create(reject.check(token))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(BadJwtException.class)
					.hasMessage("token revocation status unavailable"))
				.verify(Duration.ofSeconds(5));
			StepVerifier.create(accept.check(token)).verifyComplete();
		}
		finally {
			this.server.start();
		}
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> StepVerifier.create(reject.check(token)).verifyComplete());
	}

	@Test
	void checkWhenTokenRevokedThenTokenRevokedEvenWhileFresh() {
		this.listener.start();
		StepVerifier.create(this.listener.firstLoad()).expectComplete().verify(Duration.ofSeconds(5));
		String jti = "at_" + UUID.randomUUID();
		this.list.revoke(jti, Instant.now().plusSeconds(60));
		LocalRevocationCheck check = new LocalRevocationCheck(this.list, this.listener, FailurePolicy.ACCEPT,
				Duration.ofSeconds(30), Clock.systemUTC());
		StepVerifier.create(check.check(token(jti)))
			.expectErrorSatisfies((ex) -> assertThat(ex).hasMessage("token revoked"))
			.verify();
	}

	private void revokeInRedis(String jti) {
		Instant exp = Instant.now().plusSeconds(300);
		this.redis.opsForValue()
			.set(RedisRevocationListener.KEY_PREFIX + jti, Long.toString(exp.getEpochSecond()), Duration.ofSeconds(300))
			.block();
	}

	private static Jwt token(String jti) {
		return Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.jti(jti)
			.subject("usr_alice")
			.expiresAt(Instant.now().plusSeconds(60))
			.build();
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
