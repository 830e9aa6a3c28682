package dev.writ.server.ratelimit;

import java.util.Map;

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

/** The per-client token-request limit, counted in Redis. */
class TokenRateLimitTests {

	private static TestAuthServer server;

	@BeforeAll
	static void start() {
		// A key prefix of its own would be cleaner; a window longer than the test keeps
		// the count deterministic.
		server = TestAuthServer.start(Map.of("spring.profiles.active", "demo",
				"writ.rate-limit.token-requests-per-client", 3, "writ.rate-limit.window", "2m"));
		server.bean(org.springframework.data.redis.core.ReactiveStringRedisTemplate.class)
			.delete("writ:rate:token:" + M2M_ID)
			.block();
	}

	@AfterAll
	static void stop() {
		server.bean(org.springframework.data.redis.core.ReactiveStringRedisTemplate.class)
			.delete("writ:rate:token:" + M2M_ID)
			.block();
		server.close();
	}

	@Test
	void tokenWhenOverLimitThenTooManyRequestsWithRetryAfter() {
		WebTestClient client = server.client();
		for (int i = 0; i < 3; i++) {
			post(client, "/oauth2/token", basic(M2M_ID, M2M_SECRET), form("grant_type", "client_credentials"))
				.expectStatus()
				.isOk();
		}
		post(client, "/oauth2/token", basic(M2M_ID, M2M_SECRET), form("grant_type", "client_credentials"))
			.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.value(HttpHeaders.RETRY_AFTER,
					(value) -> org.assertj.core.api.Assertions.assertThat(Long.parseLong(value)).isBetween(1L, 120L))
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("too_many_requests");
	}

}
