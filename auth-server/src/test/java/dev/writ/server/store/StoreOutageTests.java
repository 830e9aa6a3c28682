package dev.writ.server.store;

import java.time.Duration;
import java.util.Map;

import dev.writ.devstack.DevStack;
import dev.writ.devstack.RedisServer;
import dev.writ.server.test.DatabaseOutage;
import dev.writ.server.test.TestAuthServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.writ.server.test.TokenRequests.M2M_ID;
import static dev.writ.server.test.TokenRequests.M2M_SECRET;
import static dev.writ.server.test.TokenRequests.basic;
import static dev.writ.server.test.TokenRequests.form;
import static dev.writ.server.test.TokenRequests.post;
import static org.awaitility.Awaitility.await;

/**
 * The token endpoint while Redis or PostgreSQL is away: 503 JSON, then service again
 * without a restart.
 */
class StoreOutageTests {

	/** Its own Redis: the tests stop it, which must not disturb the other servers. */
	private static RedisServer ownRedis;

	private static TestAuthServer server;

	private static WebTestClient client;

	@BeforeAll
	static void start() {
		ownRedis = DevStack.startRedis();
		server = TestAuthServer
			.start(Map.of("spring.profiles.active", "demo", "spring.data.redis.url", ownRedis.url()));
		client = server.client().mutate().responseTimeout(Duration.ofSeconds(15)).build();
	}

	@AfterAll
	static void stop() {
		server.close();
		ownRedis.close();
	}

	private static WebTestClient.ResponseSpec token() {
		return post(client, "/oauth2/token", basic(M2M_ID, M2M_SECRET), form("grant_type", "client_credentials"));
	}

	private static void expectUnavailable() {
		token().expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.exists(HttpHeaders.RETRY_AFTER)
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("temporarily_unavailable");
	}

	@Test
	void tokenWhenRedisStoppedThen503AndRecoversWhenBack() {
		token().expectStatus().isOk();
		ownRedis.stop();
		try {
			expectUnavailable();
			expectUnavailable();
		}
		finally {
			ownRedis.start();
		}
		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> token().expectStatus().isOk());
	}

	@Test
	void tokenWhenPostgresRefusesConnectionsThen503AndRecoversWhenBack() throws Exception {
		token().expectStatus().isOk();
		DatabaseOutage.begin(server);
		try {
			expectUnavailable();
		}
		finally {
			DatabaseOutage.end(server);
		}
		// the pool skips its dead connections: the first request after the outage
		// succeeds
		token().expectStatus().isOk();
	}

}
