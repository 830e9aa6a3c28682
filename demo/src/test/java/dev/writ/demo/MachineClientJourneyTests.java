package dev.writ.demo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first journey of the brief: demo-m2m gets a token from auth-server and calls
 * sample-api, which validates it and enforces its scopes.
 */
class MachineClientJourneyTests {

	private static DemoStack product;

	private static WebTestClient api;

	@BeforeAll
	static void start() {
		product = RunningProduct.shared();
		api = RunningProduct.client(product.sampleApiUrl());
	}

	@Test
	void projectsWhenM2mTokenThenOnlyAcmeProjects() {
		String token = RunningProduct.m2mToken(product.authServerUrl(), null);
		List<Map<String, Object>> projects = api.get()
			.uri("/projects")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(projects).isNotEmpty();
		assertThat(projects).extracting((project) -> project.get("organizationId")).containsOnly("org_acme");
	}

	@Test
	void projectsWhenNoTokenThen401WithBearerChallenge() {
		api.get()
			.uri("/projects")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.value(HttpHeaders.WWW_AUTHENTICATE, (value) -> assertThat(value).startsWith("Bearer"));
	}

	@Test
	void projectsWhenTokenLacksScopeThen403InsufficientScope() {
		String token = RunningProduct.m2mToken(product.authServerUrl(), "read:deployments");
		api.get()
			.uri("/projects")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.value(HttpHeaders.WWW_AUTHENTICATE,
					(value) -> assertThat(value).startsWith("Bearer").contains("error=\"insufficient_scope\""));
	}

	@Test
	void createProjectWhenWriteScopeThenCreatedInAcme() {
		String token = RunningProduct.m2mToken(product.authServerUrl(), "read:projects write:projects");
		api.post()
			.uri("/projects")
			.headers((headers) -> headers.setBearerAuth(token))
			.bodyValue(Map.of("name", "Portable hole"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.organizationId")
			.isEqualTo("org_acme");
	}

}
