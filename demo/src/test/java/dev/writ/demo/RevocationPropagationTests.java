package dev.writ.demo;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A token revoked at the auth-server is refused by sample-api within a second, learnt
 * from the revocation channel rather than by asking the auth-server on each request.
 */
class RevocationPropagationTests {

	private static DemoStack product;

	private static WebTestClient api;

	@BeforeAll
	static void start() {
		product = RunningProduct.shared();
		api = RunningProduct.client(product.sampleApiUrl());
	}

	private static WebTestClient.ResponseSpec projects(String token) {
		return api.get().uri("/projects").headers((headers) -> headers.setBearerAuth(token)).exchange();
	}

	@Test
	void projectsWhenTokenRevokedThenRefusedWithinOneSecondWithoutIntrospection() {
		String token = RunningProduct.m2mToken(product.authServerUrl(), null);
		projects(token).expectStatus().isOk();
		double introspectionsBefore = introspectionRequests();

		RunningProduct.revoke(product.authServerUrl(), token).expectStatus().isOk();
		Instant revokedAt = Instant.now();
		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(20))
			.untilAsserted(() -> projects(token).expectStatus().isUnauthorized());
		assertThat(Duration.between(revokedAt, Instant.now())).isLessThan(Duration.ofSeconds(1));

		projects(token).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.value("WWW-Authenticate", (value) -> assertThat(value).contains("error=\"invalid_token\""));
		assertThat(introspectionRequests()).isEqualTo(introspectionsBefore);

		// The probe itself counts: one introspection call shows up as one.
		RunningProduct.client(product.authServerUrl())
			.post()
			.uri("/oauth2/introspect")
			.header("Authorization", RunningProduct.basic(RunningProduct.M2M, RunningProduct.M2M_SECRET))
			.contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("token=" + token)
			.exchange()
			.expectStatus()
			.isOk();
		await().atMost(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(introspectionRequests()).isEqualTo(introspectionsBefore + 1));
	}

	@Test
	void projectsWhenOtherTokenRevokedThenStillAccepted() {
		String kept = RunningProduct.m2mToken(product.authServerUrl(), null);
		String revoked = RunningProduct.m2mToken(product.authServerUrl(), null);
		RunningProduct.revoke(product.authServerUrl(), revoked).expectStatus().isOk();
		await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> projects(revoked).expectStatus().isUnauthorized());
		projects(kept).expectStatus().isOk();
	}

	/**
	 * Requests the auth-server's introspection endpoint has served, from its own HTTP
	 * metrics.
	 */
	private static double introspectionRequests() {
		MeterRegistry registry = product.authServer().getBean(MeterRegistry.class);
		return registry.find("http.server.requests")
			.tag("uri", "/oauth2/introspect")
			.timers()
			.stream()
			.mapToDouble((timer) -> timer.count())
			.sum();
	}

}
