package dev.writ.server.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import dev.writ.server.account.User;
import dev.writ.server.account.Users;
import dev.writ.server.invitation.Invitation;
import dev.writ.server.invitation.InvitationException;
import dev.writ.server.invitation.Invitations;
import dev.writ.server.org.OrganizationRole;
import dev.writ.server.session.CurrentSession;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;

/**
 * The page an invitation email links to, {@code /invitations/{token}}: the organization
 * and the role, and a form to accept. Showing it changes nothing (mail scanners follow
 * links); only the CSRF-protected POST to the same path uses the invitation. A browser
 * without a session is sent to sign in as the invited address and back; an invitation for
 * an address without an account says so, since accounts cannot be created here yet.
 */
@Component
final class InvitationPage {

	static final String PATH = Invitations.PATH_PREFIX + "{token}";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final Invitations invitations;

	private final CurrentSession currentSession;

	private final Users users;

	InvitationPage(Invitations invitations, CurrentSession currentSession, Users users) {
		this.invitations = invitations;
		this.currentSession = currentSession;
		this.users = users;
	}

	/** GET {@code /invitations/{token}}. */
	Mono<ServerResponse> show(ServerRequest request) {
		String token = request.pathVariable("token");
		return this.invitations.findPending(token)
			.flatMap((invitation) -> signedInUser(request)
				.flatMap((user) -> isInvited(user, invitation) ? acceptForm(request, invitation, user)
						: wrongRecipient(invitation, user, token))
				.switchIfEmpty(Mono.defer(() -> signInFirst(invitation, token))))
			.onErrorResume(InvitationException.class, InvitationPage::unusable);
	}

	/** POST {@code /invitations/{token}}: the user accepts. */
	Mono<ServerResponse> accept(ServerRequest request) {
		String token = request.pathVariable("token");
		return signedInUser(request)
			.flatMap((user) -> this.invitations.findPending(token)
				.flatMap((invitation) -> isInvited(user, invitation)
						? this.invitations.accept(token, user.id())
							.flatMap((membership) -> joined(invitation, membership))
						: wrongRecipient(invitation, user, token)))
			.switchIfEmpty(Mono.defer(() -> Pages.seeOther(SignInPage.signInFor(Invitations.PATH_PREFIX + token))))
			.onErrorResume(InvitationException.class, InvitationPage::unusable);
	}

	private Mono<User> signedInUser(ServerRequest request) {
		return this.currentSession.of(request.exchange()).flatMap((session) -> this.users.findById(session.userId()));
	}

	private static boolean isInvited(User user, Invitation invitation) {
		return user.email().equalsIgnoreCase(invitation.email());
	}

	private Mono<ServerResponse> signInFirst(Invitation invitation, String token) {
		return this.users.findByEmail(invitation.email())
			.flatMap(
					(user) -> Pages.seeOther(SignInPage.signInFor(Invitations.PATH_PREFIX + token, invitation.email())))
			.switchIfEmpty(Mono.defer(() -> Pages.html(HttpStatus.OK, Pages.page("Account needed", """
					<h1>Join %s</h1>
					<p>This invitation is for <strong>%s</strong>, which has no Writ account yet.</p>
					<p>Accounts cannot be created here yet: ask the person who invited you to have one created
					for this address, then open the link in the email again. It works until %s.</p>
					""".formatted(Pages.escape(invitation.organizationName()), Pages.escape(invitation.email()),
					TIME.format(invitation.expiresAt()))))));
	}

	private Mono<ServerResponse> acceptForm(ServerRequest request, Invitation invitation, User user) {
		return Pages.csrfField(request)
			.flatMap(
					(csrf) -> Pages.html(HttpStatus.OK,
							Pages.page("Join " + invitation.organizationName(), """
									<h1>Join %1$s</h1>
									<p class="lead">Signed in as <strong>%2$s</strong></p>
									<p>You are invited to join <strong>%1$s</strong> as <strong>%3$s</strong>.</p>
									<form method="post" action="%4$s">
									%5$s<div class="actions"><button type="submit">Accept invitation</button></div>
									</form>
									<p class="muted">The invitation works once, and until %6$s.</p>
									""".formatted(Pages.escape(invitation.organizationName()),
									Pages.escape(user.email()), Pages.escape(invitation.role()),
									Pages.escape(request.path()), csrf, TIME.format(invitation.expiresAt())))));
	}

	private static Mono<ServerResponse> wrongRecipient(Invitation invitation, User user, String token) {
		return Pages.html(HttpStatus.FORBIDDEN,
				Pages.page("Invitation for someone else", """
						<h1>This invitation is for someone else</h1>
						<p role="alert" class="alert">It was sent to <strong>%s</strong>, and you are signed in as
						<strong>%s</strong>.</p>
						<p>Only the invited address can accept it. <a href="%s">Sign in as %s</a> to accept it, or ask
						for an invitation to your own address.</p>
						""".formatted(Pages.escape(invitation.email()), Pages.escape(user.email()),
						Pages.escape(SignInPage.signInFor(Invitations.PATH_PREFIX + token, invitation.email())),
						Pages.escape(invitation.email()))));
	}

	/**
	 * The role shown is the membership's: someone who was a member already keeps their
	 * role.
	 */
	private static Mono<ServerResponse> joined(Invitation invitation, OrganizationRole membership) {
		return Pages.html(HttpStatus.OK, Pages.page("Joined " + invitation.organizationName(), """
				<h1>You joined %s</h1>
				<p>Your role there: <strong>%s</strong>.</p>
				<p><a class="button" href="%s">Continue to your account</a></p>
				""".formatted(Pages.escape(invitation.organizationName()), Pages.escape(membership.role()),
				SessionsPage.PATH)));
	}

	private static Mono<ServerResponse> unusable(InvitationException ex) {
		return switch (ex.reason()) {
			case USED -> Pages.html(HttpStatus.GONE, Pages.page("Invitation already used", """
					<h1>This invitation has already been used</h1>
					<p>An invitation link works once. If you accepted it, you are a member already; otherwise
					ask the person who invited you for a new invitation.</p>
					"""));
			case EXPIRED -> Pages.html(HttpStatus.GONE, Pages.page("Invitation expired", """
					<h1>This invitation has expired</h1>
					<p>Ask the person who invited you for a new invitation.</p>
					"""));
			case WRONG_RECIPIENT -> Pages.html(HttpStatus.FORBIDDEN, Pages.page("Invitation for someone else", """
					<h1>This invitation is for someone else</h1>
					<p>Only the invited address can accept it.</p>
					"""));
			case UNKNOWN -> Pages.html(HttpStatus.NOT_FOUND, Pages.page("Invitation not found", """
					<h1>This invitation link is not valid</h1>
					<p>Check that you opened the whole link from the email. If you did, the invitation may
					have been withdrawn.</p>
					"""));
		};
	}

}
