package dev.writ.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.writ.demo.Action.Api;
import dev.writ.demo.Action.Prepared;
import dev.writ.demo.JsonCall.Answer;
import dev.writ.server.apitoken.ApiToken;
import dev.writ.server.apitoken.ApiTokens;
import dev.writ.server.apitoken.CreatedApiToken;
import dev.writ.server.protocol.Scope;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The role table's rows for API tokens and the audit log, at the admin API: every member
 * manages their own personal tokens; {@code api_tokens:manage} sees and revokes
 * everyone's and creates the organization's own.
 */
final class ApiTokenActions {

	private static final String API_TOKENS = "/admin/api/organizations/{org}/api-tokens";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private ApiTokenActions() {
	}

	static List<Action> actions() {
		return List.of(
				Action.of("list API tokens (a member sees only their own)", Api.ADMIN_API, HttpMethod.GET, API_TOKENS,
						200, 200, 200, ApiTokenActions::list),
				Action.of("create a personal API token", Api.ADMIN_API, HttpMethod.POST, API_TOKENS, 201, 201, 201,
						ApiTokenActions::createPersonal),
				Action.of("create an organization-owned API token", Api.ADMIN_API, HttpMethod.POST, API_TOKENS, 201,
						201, 403, ApiTokenActions::createOrganizationOwned),
				Action.of("revoke one's own API token", Api.ADMIN_API, HttpMethod.DELETE, API_TOKENS + "/{id}", 204,
						204, 204, ApiTokenActions::revokeOwn),
				Action.of("revoke another member's API token", Api.ADMIN_API, HttpMethod.DELETE, API_TOKENS + "/{id}",
						204, 204, 404, ApiTokenActions::revokeOthers),
				Action.of("read the audit log", Api.ADMIN_API, HttpMethod.GET,
						"/admin/api/organizations/{org}/audit-log", 200, 200, 403, ApiTokenActions::readAuditLog));
	}

	private static Prepared list(Scene scene, String role) {
		CreatedApiToken others = othersToken(scene);
		return Prepared.request((answer, allowed) -> {
			JsonNode items = answer.json().get("items");
			if ("member".equals(role)) {
				assertThat(items.findValuesAsString("id")).doesNotContain(others.token().id());
				assertThat(items.findValuesAsString("ownerUserId")).allMatch(scene.member(role).id()::equals);
			}
			else {
				assertThat(items.findValuesAsString("id")).contains(others.token().id());
			}
		});
	}

	private static Prepared createPersonal(Scene scene, String role) {
		return Prepared.request(Map.of("name", "Personal of the " + role, "scope", "read:projects"),
				(answer, allowed) -> {
					JsonNode created = answer.json();
					assertThat(created.get("ownerUserId").asString()).isEqualTo(scene.member(role).id());
					String secret = created.get("secret").asString();
					assertThat(secret).startsWith("writ_pat_");
					// it works where API tokens are for, within the organization
					Answer projects = JsonCall.get("/projects")
						.send(scene.product().sampleApiUrl(), secret)
						.expect(200);
					assertThat(projects.json().findValuesAsString("organizationId"))
						.containsOnly(scene.organizationId());
				});
	}

	private static Prepared createOrganizationOwned(Scene scene, String role) {
		String name = "Organization's, by the " + role;
		return Prepared.request(Map.of("name", name, "scope", "read:projects", "organizationOwned", true),
				(answer, allowed) -> {
					if (allowed) {
						assertThat(answer.json().get("ownerUserId").isNull()).isTrue();
					}
					assertThat(tokens(scene).stream().anyMatch((token) -> token.name().equals(name)))
						.isEqualTo(allowed);
				});
	}

	private static Prepared revokeOwn(Scene scene, String role) {
		JsonNode created = scene.adminApi(role, JsonCall.post(API_TOKENS.replace("{org}", scene.organizationId()),
				Map.of("name", "Revoked by the " + role, "scope", "read:projects")))
			.expect(201)
			.json();
		String secret = created.get("secret").asString();
		JsonCall.get("/projects").send(scene.product().sampleApiUrl(), secret).expect(200);
		return Prepared.on("id", created.get("id").asString(), (answer, allowed) -> await()
			.untilAsserted(() -> JsonCall.get("/projects").send(scene.product().sampleApiUrl(), secret).expect(401)));
	}

	private static Prepared revokeOthers(Scene scene, String role) {
		CreatedApiToken others = othersToken(scene);
		return Prepared.on("id", others.token().id(), (answer, allowed) -> {
			ApiToken stored = tokens(scene).stream()
				.filter((token) -> token.id().equals(others.token().id()))
				.findFirst()
				.orElseThrow();
			assertThat(stored.revokedAt() != null).as("revoked").isEqualTo(allowed);
		});
	}

	private static Prepared readAuditLog(Scene scene, String role) {
		String name = "Scratch audited for the " + role;
		scene.platform(JsonCall.patch("/admin/api/organizations/" + scene.organizationId(), Map.of("name", name)))
			.expect(200);
		return Prepared.request((answer, allowed) -> {
			if (allowed) {
				JsonNode record = answer.json()
					.get("items")
					.valueStream()
					.filter((item) -> name.equals(item.path("details").path("name").asString(null)))
					.findFirst()
					.orElseThrow(() -> new AssertionError("no record of the renaming in " + answer));
				assertThat(record.get("action").asString()).isEqualTo("organization.updated");
				assertThat(record.get("actor").get("id").asString()).isEqualTo("demo-admin");
				assertThat(record.get("target").get("id").asString()).isEqualTo(scene.organizationId());
				assertThat(record.get("ipAddress").asString()).isNotBlank();
			}
		});
	}

	/** A personal token of a new member, who is nobody in the table. */
	private static CreatedApiToken othersToken(Scene scene) {
		String owner = scene.organization().newMember("member").id();
		return apiTokens(scene)
			.create(scene.organizationId(), owner, owner, "Someone else's", Scope.parse("read:projects"),
					Duration.ofDays(1))
			.block(TIMEOUT);
	}

	private static List<ApiToken> tokens(Scene scene) {
		return apiTokens(scene).list(scene.organizationId()).collectList().block(TIMEOUT);
	}

	private static ApiTokens apiTokens(Scene scene) {
		return scene.product().authServer().getBean(ApiTokens.class);
	}

}
