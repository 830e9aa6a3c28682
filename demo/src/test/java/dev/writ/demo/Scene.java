package dev.writ.demo;

import java.util.Map;

import dev.writ.demo.JsonCall.Answer;
import dev.writ.server.account.User;

/**
 * Where the role table plays: a scratch organization on the shared product whose owner,
 * admin and member are signed in to demo-web, and the platform operator demo-admin. Cells
 * create their targets here (a project, a member, a token) as someone other than the role
 * under test.
 */
final class Scene {

	private final DemoStack product;

	private final ScratchOrganization organization;

	private final Map<String, SignedInUser> signedIn;

	private final Platform platform;

	Scene(DemoStack product, ScratchOrganization organization, Map<String, SignedInUser> signedIn) {
		this.product = product;
		this.organization = organization;
		this.signedIn = Map.copyOf(signedIn);
		this.platform = organization.platform();
	}

	String organizationId() {
		return this.organization.id();
	}

	ScratchOrganization organization() {
		return this.organization;
	}

	DemoStack product() {
		return this.product;
	}

	/** The user of {@code role}, signed in. */
	SignedInUser as(String role) {
		SignedInUser user = this.signedIn.get(role);
		if (user == null) {
			throw new IllegalArgumentException("nobody signed in as " + role);
		}
		return user;
	}

	/** The user of {@code role}. */
	User member(String role) {
		return this.organization.member(role);
	}

	/**
	 * Sends {@code call} to the service of {@code api} with the token of {@code role}.
	 */
	Answer send(Action.Api api, String role, JsonCall call) {
		return call.send(url(api), as(role).accessToken());
	}

	Answer sampleApi(String role, JsonCall call) {
		return send(Action.Api.SAMPLE_API, role, call);
	}

	Answer adminApi(String role, JsonCall call) {
		return send(Action.Api.ADMIN_API, role, call);
	}

	/** Sends {@code call} to the admin API as demo-admin, the platform's operator. */
	Answer platform(JsonCall call) {
		return this.platform.send(call);
	}

	/** A new project of the organization, created by its owner; its id. */
	String project(String name) {
		return sampleApi("owner", JsonCall.post("/projects", Map.of("name", name))).expect(201)
			.json()
			.get("id")
			.asString();
	}

	/** Whether the project is still there, as its owner sees it. */
	boolean projectExists(String id) {
		int status = sampleApi("owner", JsonCall.get("/projects/" + id)).status();
		if (status != 200 && status != 404) {
			throw new AssertionError("GET /projects/" + id + " answered " + status);
		}
		return status == 200;
	}

	private String url(Action.Api api) {
		return (api == Action.Api.SAMPLE_API) ? this.product.sampleApiUrl() : this.product.authServerUrl();
	}

}
