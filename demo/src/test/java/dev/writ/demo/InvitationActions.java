package dev.writ.demo;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.writ.demo.Action.Api;
import dev.writ.demo.Action.Prepared;
import jakarta.mail.MessagingException;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The role table's rows for invitations, at the admin API. */
final class InvitationActions {

	private static final String INVITATIONS = "/admin/api/organizations/{org}/invitations";

	private InvitationActions() {
	}

	static List<Action> actions() {
		return List.of(
				Action.of("list the invitations", Api.ADMIN_API, HttpMethod.GET, INVITATIONS, 200, 200, 403,
						InvitationActions::list),
				Action.of("invite someone as a member", Api.ADMIN_API, HttpMethod.POST, INVITATIONS, 201, 201, 403,
						InvitationActions::invite),
				Action.of("withdraw an invitation", Api.ADMIN_API, HttpMethod.DELETE, INVITATIONS + "/{id}", 204, 204,
						403, InvitationActions::withdraw));
	}

	private static Prepared list(Scene scene, String role) {
		String email = address(role);
		invitation(scene, email);
		return Prepared.request((answer, allowed) -> {
			if (allowed) {
				assertThat(answer.json().get("items").findValuesAsString("email")).contains(email);
			}
		});
	}

	private static Prepared invite(Scene scene, String role) {
		String email = address(role);
		return Prepared.request(Map.of("email", email, "role", "member"), (answer, allowed) -> {
			assertThat(invited(scene).contains(email)).as("%s is invited", email).isEqualTo(allowed);
			if (allowed) {
				assertThat(answer.json().get("email").asString()).isEqualTo(email);
				await().untilAsserted(() -> assertThat(mailsTo(email)).isOne());
			}
			else {
				assertThat(mailsTo(email)).isZero();
			}
		});
	}

	private static Prepared withdraw(Scene scene, String role) {
		String email = address(role);
		String id = invitation(scene, email);
		return Prepared.on("id", id,
				(answer, allowed) -> assertThat(invited(scene).contains(email)).isEqualTo(!allowed));
	}

	/** A pending invitation from the platform; its id. */
	private static String invitation(Scene scene, String email) {
		return scene.platform(JsonCall.post(path(scene), Map.of("email", email, "role", "member")))
			.expect(201)
			.json()
			.get("id")
			.asString();
	}

	private static List<String> invited(Scene scene) {
		return scene.platform(JsonCall.get(path(scene))).expect(200).json().get("items").findValuesAsString("email");
	}

	/** How many messages the SMTP server has received for {@code address}. */
	private static long mailsTo(String address) {
		return Arrays.stream(RunningProduct.smtp().getReceivedMessages()).filter((message) -> {
			try {
				return Arrays.stream(message.getAllRecipients())
					.anyMatch((recipient) -> recipient.toString().equalsIgnoreCase(address));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).count();
	}

	private static String path(Scene scene) {
		return INVITATIONS.replace("{org}", scene.organizationId());
	}

	private static String address(String role) {
		return "invited-by-" + role + "-" + UUID.randomUUID().toString().substring(0, 8) + "@scratch.test";
	}

}
