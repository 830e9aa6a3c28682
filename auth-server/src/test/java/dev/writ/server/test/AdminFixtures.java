package dev.writ.server.test;

import java.time.Duration;
import java.util.UUID;

import dev.writ.server.account.User;
import dev.writ.server.account.Users;
import dev.writ.server.org.Memberships;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Organizations and users of a test's own, so tests that change them can share one
 * server: a new organization with the members asked for, each able to sign in.
 */
public final class AdminFixtures {

	public static final String PASSWORD = "admin-api-test-password";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final TestAuthServer server;

	public AdminFixtures(TestAuthServer server) {
		this.server = server;
	}

	/** A new organization, with a unique slug; answers its id. */
	public String organization() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String id = "org_test_" + suffix;
		this.server.bean(DatabaseClient.class)
			.sql("INSERT INTO organizations (id, slug, name) VALUES (:id, :slug, :name)")
			.bind("id", id)
			.bind("slug", "test-" + suffix)
			.bind("name", "Test " + suffix)
			.then()
			.block(TIMEOUT);
		return id;
	}

	/** A new user, who can sign in with {@link #PASSWORD}. */
	public User user() {
		return this.server.bean(Users.class)
			.create("user-" + UUID.randomUUID() + "@example.test", "Test User", PASSWORD)
			.block(TIMEOUT);
	}

	/** A new user, a member of {@code organizationId} in {@code role}. */
	public User member(String organizationId, String role) {
		User user = user();
		this.server.bean(Memberships.class).join(user.id(), organizationId, role).block(TIMEOUT);
		return user;
	}

	/**
	 * An access token of {@code user} for {@code scope} (by default
	 * {@code manage:organization}), in their organization (their only one, or the one
	 * named).
	 */
	public String token(User user, String scope, String organizationId) {
		return AccessTokens.forUser(this.server, user.email(), PASSWORD, scope, organizationId);
	}

	public String token(User user) {
		return token(user, "manage:organization", null);
	}

	public void disable(User user) {
		this.server.bean(DatabaseClient.class)
			.sql("UPDATE users SET disabled = true WHERE id = :id")
			.bind("id", user.id())
			.then()
			.block(TIMEOUT);
	}

	/** Changes a role behind the admin API's back, as another node would have. */
	public void setRole(User user, String organizationId, String role) {
		this.server.bean(DatabaseClient.class)
			.sql("UPDATE memberships SET role = :role WHERE user_id = :user AND organization_id = :org")
			.bind("role", role)
			.bind("user", user.id())
			.bind("org", organizationId)
			.then()
			.block(TIMEOUT);
	}

}
