package dev.writ.sample.billing;

import java.time.Duration;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import dev.writ.resourceserver.test.TestIssuer;
import dev.writ.sample.ApiCalls;
import dev.writ.sample.RunningSampleApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

/**
 * {@code GET /billing} over real HTTP and PostgreSQL: owners only, the recorded plan or
 * free, the organization's own project count.
 */
class BillingApiTests {

	private static TestIssuer issuer;

	private static RunningSampleApi api;

	private static ApiCalls calls;

	@BeforeAll
	static void start() {
		issuer = TestIssuer.start();
		api = RunningSampleApi.start(issuer);
		calls = new ApiCalls(issuer, api);
	}

	@AfterAll
	static void stop() {
		api.close();
		issuer.close();
	}

	@Test
	void billingWhenOwnerAndNoPlanRecordedThenFreeWithOwnProjectCount() {
		String organization = organization();
		calls.createProject(organization, "Rocket skates");
		calls.createProject(organization, "Dehydrated boulders");
		calls.createProject(organization(), "Someone else's");
		calls.as(organization, "owner", "").get().uri("/billing").exchange().expectStatus().isOk().expectBody().json("""
				{"organizationId":"%s","plan":"free","projects":2}""".formatted(organization), true);
	}

	@Test
	void billingWhenPlanRecordedThenThatPlan() {
		String organization = organization();
		api.database()
			.sql("INSERT INTO organization_plan (organization_id, plan) VALUES (:organization, 'team')")
			.bind("organization", organization)
			.fetch()
			.rowsUpdated()
			.block(Duration.ofSeconds(10));
		calls.as(organization, "owner", "").get().uri("/billing").exchange().expectStatus().isOk().expectBody().json("""
				{"organizationId":"%s","plan":"team","projects":0}""".formatted(organization), true);
	}

	@Test
	void billingWhenAdminThenForbiddenNamingOwner() {
		calls.as(organization(), "admin", "read:projects write:projects")
			.get()
			.uri("/billing")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer error=\"insufficient_scope\", error_description=\"this "
							+ "request needs the organization role owner or higher\"")
			.expectBody()
			.json("""
					{"error":"insufficient_scope",
					 "error_description":"this request needs the organization role owner or higher"}""", true);
	}

	@Test
	void billingWhenMemberThenForbidden() {
		calls.as(organization(), "member", "read:projects")
			.get()
			.uri("/billing")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void billingWhenTokenHasNoOrganizationThenForbidden() {
		String token = issuer.mint(JWSAlgorithm.RS256, (claims) -> claims.claim("org", null).claim("role", "owner"));
		api.client()
			.get()
			.uri("/billing")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void billingWhenNoTokenThenUnauthorized() {
		api.client()
			.get()
			.uri("/billing")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
	}

	private static String organization() {
		return "org_" + UUID.randomUUID().toString().replace("-", "");
	}

}
