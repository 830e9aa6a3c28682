package dev.writ.demo;

import java.time.Duration;
import java.util.List;

import dev.writ.demo.Action.Api;
import dev.writ.demo.Action.Prepared;
import dev.writ.server.account.User;
import dev.writ.server.account.Users;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role table's rows for user accounts, at the admin API: those are the platform's
 * ({@code admin:users}, a client_credentials scope), so no organization role reaches
 * them, not even an owner's over a member of their own organization.
 */
final class UserActions {

	private static final String USER = "/admin/api/users/{userId}";

	private UserActions() {
	}

	static List<Action> actions() {
		return List.of(
				Action.of("read a member's account", Api.ADMIN_API, HttpMethod.GET, USER, 403, 403, 403,
						UserActions::unchanged),
				Action.of("disable a member's account", Api.ADMIN_API, HttpMethod.POST, USER + "/disable", 403, 403,
						403, UserActions::unchanged),
				Action.of("enable a member's account", Api.ADMIN_API, HttpMethod.POST, USER + "/enable", 403, 403, 403,
						UserActions::unchanged));
	}

	private static Prepared unchanged(Scene scene, String role) {
		User target = scene.organization().newMember("member");
		return Prepared.on("userId", target.id(), (answer, allowed) -> {
			assertThat(answer.challenge()).contains("scope=\"admin:users\"");
			User stored = scene.product()
				.authServer()
				.getBean(Users.class)
				.findById(target.id())
				.block(Duration.ofSeconds(30));
			assertThat(stored.disabled()).isFalse();
		});
	}

}
