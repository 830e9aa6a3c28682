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

/**
 * An organization of a test's own on the shared product, with a fresh user in each role
 * asked for, so that a test may change, remove or delete what it likes without touching
 * the demo's acme and globex. Each user belongs to this organization only, so signing in
 * never stops at the organization picker. Closing it deletes the organization, its
 * projects at sample-api and its users, leaving the product as it was.
 */
final class ScratchOrganization implements AutoCloseable {

	/** The demo's password, which the browser journeys type. */
	static final String PASSWORD = "writ-demo-password";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final DemoStack product;

	private final String id;

	private final String suffix;

	private final Map<String, User> members = new LinkedHashMap<>();

	private final List<User> users = new ArrayList<>();

	private ScratchOrganization(DemoStack product, String id, String suffix) {
		this.product = product;
		this.id = id;
		this.suffix = suffix;
	}

	/**
	 * A new organization whose owner is a new user, with a new user in each of
	 * {@code otherRoles}.
	 */
	static ScratchOrganization create(DemoStack product, String... otherRoles) {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		ScratchOrganization scratch = new ScratchOrganization(product, "org_scratch_" + suffix, suffix);
		User owner = scratch.user("owner");
		scratch.product.authServer()
			.getBean(DatabaseClient.class)
			.sql("INSERT INTO organizations (id, slug, name) VALUES (:id, :slug, :name)")
			.bind("id", scratch.id)
			.bind("slug", "scratch-" + suffix)
			.bind("name", "Scratch " + suffix)
			.then()
			.block(TIMEOUT);
		scratch.join(owner, "owner");
		for (String role : otherRoles) {
			scratch.join(scratch.user(role), role);
		}
		return scratch;
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

	/** A new user of no organization. */
	User newUser(String name) {
		return user(name);
	}

	/** Signs the user created for {@code role} in to demo-web, through Chromium. */
	SignedInUser signIn(String role, CallbackServer callback) {
		return SignedInUser.signIn(this.product, callback, member(role).email());
	}

	/** The role {@code userId} has here now, or {@code null} when not a member. */
	String roleOf(String userId) {
		return this.product.authServer()
			.getBean(Memberships.class)
			.find(userId, this.id)
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
		DatabaseClient authServer = this.product.authServer().getBean(DatabaseClient.class);
		authServer.sql("DELETE FROM organizations WHERE id = :id").bind("id", this.id).then().block(TIMEOUT);
		SignOutEverywhere signOut = this.product.authServer().getBean(SignOutEverywhere.class);
		for (User user : this.users) {
			signOut.signOut(user.id()).block(TIMEOUT);
			authServer.sql("DELETE FROM users WHERE id = :id").bind("id", user.id()).then().block(TIMEOUT);
		}
	}

}
