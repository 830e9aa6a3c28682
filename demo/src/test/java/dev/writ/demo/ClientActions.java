package dev.writ.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.writ.demo.Action.Api;
import dev.writ.demo.Action.Prepared;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role table's rows for the organization's clients, at the admin API
 * ({@code clients:manage}): a machine client of the organization, registered, changed,
 * given a new secret and deleted, and what its secret gets at the token endpoint.
 */
final class ClientActions {

	private static final String CLIENTS = "/admin/api/clients";

	private ClientActions() {
	}

	static List<Action> actions() {
		return List.of(
				Action.of("list the organization's clients", Api.ADMIN_API, HttpMethod.GET, CLIENTS, 200, 200, 403,
						ClientActions::list),
				Action.of("register a client", Api.ADMIN_API, HttpMethod.POST, CLIENTS, 201, 201, 403,
						ClientActions::register),
				Action.of("read a client", Api.ADMIN_API, HttpMethod.GET, CLIENTS + "/{clientId}", 200, 200, 403,
						ClientActions::read),
				Action.of("change a client", Api.ADMIN_API, HttpMethod.PATCH, CLIENTS + "/{clientId}", 200, 200, 403,
						ClientActions::change),
				Action.of("rotate a client's secret", Api.ADMIN_API, HttpMethod.POST, CLIENTS + "/{clientId}/secret",
						200, 200, 403, ClientActions::rotateSecret),
				Action.of("delete a client", Api.ADMIN_API, HttpMethod.DELETE, CLIENTS + "/{clientId}", 204, 204, 403,
						ClientActions::delete));
	}

	private static Prepared list(Scene scene, String role) {
		String clientId = registered(scene, role).get("clientId").asString();
		return Prepared.request((answer, allowed) -> {
			if (allowed) {
				assertThat(answer.json().get("items").findValuesAsString("clientId")).contains(clientId)
					.doesNotContain("demo-m2m", "demo-web");
			}
		});
	}

	private static Prepared register(Scene scene, String role) {
		return Prepared.request(machineClient("Registered by the " + role), (answer, allowed) -> {
			if (allowed) {
				JsonNode client = answer.json();
				assertThat(client.get("organization").asString()).isEqualTo(scene.organizationId());
				assertThat(tokenStatus(scene, client.get("clientId").asString(), client.get("clientSecret").asString()))
					.isEqualTo(200);
			}
		});
	}

	private static Prepared read(Scene scene, String role) {
		String clientId = registered(scene, role).get("clientId").asString();
		return Prepared.on("clientId", clientId, (answer, allowed) -> {
			if (allowed) {
				assertThat(answer.json().get("clientId").asString()).isEqualTo(clientId);
				assertThat(answer.json().has("clientSecret")).isFalse();
			}
		});
	}

	private static Prepared change(Scene scene, String role) {
		String clientId = registered(scene, role).get("clientId").asString();
		String name = "Renamed by the " + role;
		return Prepared.on("clientId", clientId, Map.of("name", name), (answer, allowed) -> {
			String stored = scene.platform(JsonCall.get(CLIENTS + "/" + clientId))
				.expect(200)
				.json()
				.get("name")
				.asString();
			assertThat(stored.equals(name)).isEqualTo(allowed);
		});
	}

	private static Prepared rotateSecret(Scene scene, String role) {
		JsonNode client = registered(scene, role);
		String clientId = client.get("clientId").asString();
		String secret = client.get("clientSecret").asString();
		return Prepared.on("clientId", clientId, (answer, allowed) -> {
			assertThat(tokenStatus(scene, clientId, secret)).isEqualTo(allowed ? 401 : 200);
			if (allowed) {
				assertThat(tokenStatus(scene, clientId, answer.json().get("clientSecret").asString())).isEqualTo(200);
			}
		});
	}

	private static Prepared delete(Scene scene, String role) {
		String clientId = registered(scene, role).get("clientId").asString();
		return Prepared.on("clientId", clientId,
				(answer, allowed) -> assertThat(scene.platform(JsonCall.get(CLIENTS + "/" + clientId)).status())
					.isEqualTo(allowed ? 404 : 200));
	}

	/** A machine client of the organization, registered by the platform. */
	private static JsonNode registered(Scene scene, String role) {
		Map<String, Object> client = new LinkedHashMap<>(machineClient("Registered for the " + role));
		client.put("organization", scene.organizationId());
		return scene.platform(JsonCall.post(CLIENTS, client)).expect(201).json();
	}

	private static Map<String, Object> machineClient(String name) {
		return Map.of("name", name, "grantTypes", List.of("client_credentials"), "scopes", List.of("read:projects"),
				"audiences", List.of(DemoStack.SAMPLE_API_AUDIENCE), "organizationRole", "member");
	}

	/** What the token endpoint answers the client's client_credentials request. */
	private static int tokenStatus(Scene scene, String clientId, String secret) {
		return RunningProduct.client(scene.product().authServerUrl())
			.post()
			.uri("/oauth2/token")
			.header(HttpHeaders.AUTHORIZATION, RunningProduct.basic(clientId, secret))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("grant_type", "client_credentials"))
			.exchange()
			.expectBody()
			.returnResult()
			.getStatus()
			.value();
	}

}
