package dev.writ.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.writ.devstack.DevStack;
import dev.writ.devstack.FreePorts;
import dev.writ.server.apitoken.ApiToken;
import dev.writ.server.apitoken.ApiTokens;
import dev.writ.server.apitoken.CreatedApiToken;
import dev.writ.server.protocol.Scope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An integration's API token at sample-api, end to end: created at the auth-server for
 * acme with {@code read:projects}, it lists projects, is refused a write, shows its last
 * use, and stops working within a second of revocation and once it expires.
 */
class ApiTokenJourneyTests {

	private static DemoStack product;

	private static WebTestClient api;

	private static ApiTokens apiTokens;

	@BeforeAll
	static void start() {
		// A one-second flush, so the last use shows without waiting for the default.
		product = DemoStack.start(DevStack.shared(), FreePorts.find(), FreePorts.find(),
				Map.of("writ.api-tokens.last-use-flush-interval", "1s"), Map.of());
		api = RunningProduct.client(product.sampleApiUrl());
		apiTokens = product.authServer().getBean(ApiTokens.class);
	}

	@AfterAll
	static void stop() {
		product.close();
	}

	private static CreatedApiToken create(Duration lifetime) {
		return apiTokens.create("org_acme", "usr_alice", "usr_alice", "CI", Scope.parse("read:projects"), lifetime)
			.block();
	}

	private static WebTestClient.ResponseSpec projects(String token) {
		return api.get().uri("/projects").headers((headers) -> headers.setBearerAuth(token)).exchange();
	}

	private static ApiToken listed(String id) {
		return apiTokens.list("org_acme").filter((token) -> token.id().equals(id)).blockFirst();
	}

	@Test
	void apiTokenWhenReadScopeThenReadsProjectsButCannotWriteAndShowsLastUse() {
		CreatedApiToken created = create(Duration.ofDays(1));
		Instant before = Instant.now().minusSeconds(1);

		List<Map<String, Object>> projects = projects(created.secret()).expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(projects).isNotEmpty()
			.extracting((project) -> project.get("organizationId"))
			.containsOnly("org_acme");

		api.post()
			.uri("/projects")
			.headers((headers) -> headers.setBearerAuth(created.secret()))
			.bodyValue(Map.of("name", "Not allowed"))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.value(HttpHeaders.WWW_AUTHENTICATE, (value) -> assertThat(value).contains("error=\"insufficient_scope\"")
				.contains("scope=\"write:projects\""));

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(listed(created.token().id()).lastUsedAt()).isNotNull());
		assertThat(listed(created.token().id()).lastUsedAt()).isAfter(before).isBefore(Instant.now());
	}

	@Test
	void apiTokenWhenRevokedThenRefusedWithinOneSecond() {
		CreatedApiToken created = create(Duration.ofDays(1));
		projects(created.secret()).expectStatus().isOk();

		apiTokens.revoke("org_acme", created.token().id()).block();
		Instant revokedAt = Instant.now();

		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(20))
			.untilAsserted(() -> projects(created.secret()).expectStatus().isUnauthorized());
		assertThat(Duration.between(revokedAt, Instant.now())).isLessThan(Duration.ofSeconds(1));
		projects(created.secret()).expectHeader()
			.value(HttpHeaders.WWW_AUTHENTICATE, (value) -> assertThat(value).contains("error=\"invalid_token\""));
		assertThat(listed(created.token().id()).revokedAt()).isNotNull();
	}

	@Test
	void apiTokenWhenExpiredThenRefused() {
		CreatedApiToken created = create(Duration.ofSeconds(3));
		projects(created.secret()).expectStatus().isOk();

		await().atMost(Duration.ofSeconds(6))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> projects(created.secret()).expectStatus()
				.isUnauthorized()
				.expectHeader()
				.value(HttpHeaders.WWW_AUTHENTICATE, (value) -> assertThat(value).contains("error=\"invalid_token\"")));
	}

}
