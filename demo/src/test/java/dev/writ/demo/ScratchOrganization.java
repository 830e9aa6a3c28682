package dev.writ.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.writ.demo.browser.CallbackServer;
import dev.writ.server.account.User;
import dev.writ.server.account.Users;
import dev.writ.server.org.Memberships;
import dev.writ.server.session.SignOutEverywhere;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organization of a test's own on the shared product, with a fresh user in each role
 * asked for, so that a test may change, remove or delete what it likes without touching
 * the demo's acme and globex. The organization is created through the admin API by
 * demo-admin, the platform's operator, for its new owner; the other users join through
 * {@code Memberships}. Each user belongs to this organization only, so signing in never
 * stops at the organization picker. Closing it deletes the organization, its projects at
 * sample-api and its users, leaving the product as it was.
 */
final class ScratchOrganization implements AutoCloseable {

	/** The demo's password, which the browser journeys type. */
	static final String PASSWORD = "writ-demo-password";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final String ORGANIZATIONS = "/admin/api/organizations";

	private final DemoStack product;

	private final Platform platform;

	private final String suffix = UUID.randomUUID().toString().substring(0, 8);

	private final List<User> users = new ArrayList<>();

	private final Map<String, User> members = new LinkedHashMap<>();

	private final String id;

	private ScratchOrganization(DemoStack product) {
		this.product = product;
		this.platform = new Platform(product);
		User owner = user("owner");
		this.id = this.platform
			.send(JsonCall.post(ORGANIZATIONS,
					Map.of("slug", "scratch-" + this.suffix, "name", "Scratch " + this.suffix, "owner", owner.id())))
			.expect(201)
			.json()
			.get("id")
			.asString();
		this.members.put("owner", owner);
	}

	/**
	 * A new organization whose owner is a new user, with a new user in each of
	 * {@code otherRoles}.
	 */
	static ScratchOrganization create(DemoStack product, String... otherRoles) {
		ScratchOrganization scratch = new ScratchOrganization(product);
		for (String role : otherRoles) {
			scratch.join(scratch.user(role), role);
		}
		return scratch;
	}

	/** demo-admin, who created the organization. */
	Platform platform() {
		return this.platform;
	}

	/** The organization's id. */
	String id() {
		return this.id;
	}

	/** The user created for {@code role}. */
	User member(String role) {
		User member = this.members.get(role);
		if (member == null) {
			throw new IllegalArgumentException("no " + role + " in " + this.id);
		}
		return member;
	}

	/** Another new user, a member in {@code role}: a target for changes. */
	User newMember(String role) {
		User user = user(role);
		this.product.authServer().getBean(Memberships.class).join(user.id(), this.id, role).block(TIMEOUT);
		return user;
	}

	/** Signs the user created for {@code role} in to demo-web, through Chromium. */
	SignedInUser signIn(String role, CallbackServer callback) {
		return SignedInUser.signIn(this.product, callback, member(role).email());
	}

	/** The role {@code userId} has here now, or {@code null} when not a member. */
	String roleOf(String userId) {
		return roleOf(userId, this.id);
	}

	/**
	 * The role {@code userId} has in {@code organizationId} now, or {@code null} when not
	 * a member.
	 */
	String roleOf(String userId, String organizationId) {
		return this.product.authServer()
			.getBean(Memberships.class)
			.find(userId, organizationId)
			.map((membership) -> membership.role())
			.block(TIMEOUT);
	}

	private void join(User user, String role) {
		this.product.authServer().getBean(Memberships.class).join(user.id(), this.id, role).block(TIMEOUT);
		this.members.putIfAbsent(role, user);
	}

	private User user(String label) {
		String email = label + "-" + this.suffix + "-" + (this.users.size() + 1) + "@scratch.test";
		User user = this.product.authServer()
			.getBean(Users.class)
			.create(email, "Scratch " + label, PASSWORD)
			.block(TIMEOUT);
		this.users.add(user);
		return user;
	}

	/**
	 * Deletes the organization (if a test did not), its projects at sample-api, and every
	 * user made here, after ending their sessions and tokens.
	 */
	@Override
	public void close() {
		this.product.sampleApi()
			.getBean(DatabaseClient.class)
			.sql("DELETE FROM project WHERE organization_id = :org")
			.bind("org", this.id)
			.then()
			.block(TIMEOUT);
		// gone already when the role table's last cell deleted it
		assertThat(this.platform.send(JsonCall.delete(ORGANIZATIONS + "/" + this.id)).status()).isIn(204, 404);
		DatabaseClient authServer = this.product.authServer().getBean(DatabaseClient.class);
		SignOutEverywhere signOut = this.product.authServer().getBean(SignOutEverywhere.class);
		for (User user : this.users) {
			signOut.signOut(user.id()).block(TIMEOUT);
			authServer.sql("DELETE FROM users WHERE id = :id").bind("id", user.id()).then().block(TIMEOUT);
		}
	}

}
