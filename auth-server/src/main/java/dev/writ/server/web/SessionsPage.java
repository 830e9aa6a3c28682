package dev.writ.server.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import dev.writ.server.account.Users;
import dev.writ.server.session.BrowserSession;
import dev.writ.server.session.BrowserSessions;
import dev.writ.server.session.CurrentSession;
import dev.writ.server.session.SignOutEverywhere;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;

/**
 * The signed-in user's sessions: where they are signed in, with a way to end one or all
 * of them ("sign out everywhere" also ends every refresh-token family, so apps lose
 * access too).
 */
@Component
final class SessionsPage {

	static final String PATH = "/account/sessions";

	static final String EVERYWHERE_PATH = PATH + "/sign-out-everywhere";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final CurrentSession currentSession;

	private final BrowserSessions sessions;

	private final SignOutEverywhere signOutEverywhere;

	private final Users users;

	SessionsPage(CurrentSession currentSession, BrowserSessions sessions, SignOutEverywhere signOutEverywhere,
			Users users) {
		this.currentSession = currentSession;
		this.sessions = sessions;
		this.signOutEverywhere = signOutEverywhere;
		this.users = users;
	}

	Mono<ServerResponse> show(ServerRequest request) {
		return this.currentSession.of(request.exchange())
			.flatMap((current) -> Mono
				.zip(Pages.csrfField(request), this.sessions.findByUser(current.userId()).collectList(),
						this.users.findById(current.userId()).map((user) -> user.email()).defaultIfEmpty(""))
				.flatMap((all) -> {
					String csrf = all.getT1();
					StringBuilder rows = new StringBuilder();
					for (BrowserSession session : all.getT2()) {
						rows.append(row(session, session.id().equals(current.id()), csrf));
					}
					return Pages
						.html(HttpStatus.OK,
								Pages
									.page("Your sessions",
											"""
													<h1>Where you are signed in</h1>
													<p class="lead">Signed in as <strong>%s</strong></p>
													<table>
													<caption class="muted">Active sessions, newest first</caption>
													<thead><tr><th scope="col">Device</th><th scope="col">IP address</th>
													<th scope="col">Signed in</th><th scope="col">Last seen</th><th scope="col"><span class="muted">Action</span></th></tr></thead>
													<tbody>
													%s</tbody>
													</table>
													<form method="post" action="%s">
													%s<div class="actions"><button type="submit" class="danger">Sign out everywhere</button></div>
													</form>
													<p class="muted">Signing out everywhere ends every session above and stops every app you
													allowed from acting for you until you sign in to it again.</p>
													"""
												.formatted(Pages.escape(all.getT3()), rows, EVERYWHERE_PATH, csrf),
											true));
				}))
			.switchIfEmpty(Mono.defer(() -> Pages.seeOther(SignInPage.signInFor(PATH))));
	}

	private static String row(BrowserSession session, boolean current, String csrf) {
		String action = current ? "<span class=\"badge\">This browser</span>" : """
				<form method="post" action="%s/%s/revoke" class="inline">%s\
				<button type="submit" class="secondary" aria-label="Sign out %s">Sign out</button></form>"""
			.formatted(PATH, Pages.escape(session.id()), csrf, Pages.escape(session.device()));
		return "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>\n".formatted(
				Pages.escape(session.device()), Pages.escape(session.ipAddress()), TIME.format(session.createdAt()),
				TIME.format(session.lastSeenAt()), action);
	}

	/** POST {@code /account/sessions/{id}/revoke}. */
	Mono<ServerResponse> revoke(ServerRequest request) {
		String sessionId = request.pathVariable("id");
		return this.currentSession.of(request.exchange())
			.flatMap((current) -> this.sessions.revoke(current.userId(), sessionId).doOnNext((revoked) -> {
				if (revoked && sessionId.equals(current.id())) {
					this.currentSession.forget(request.exchange());
				}
			}))
			.then(Mono.defer(() -> Pages.seeOther(PATH)));
	}

	/** POST {@code /account/sessions/sign-out-everywhere}. */
	Mono<ServerResponse> signOutEverywhere(ServerRequest request) {
		return this.currentSession.of(request.exchange())
			.flatMap((current) -> this.signOutEverywhere.signOut(current.userId()))
			.doOnSuccess((done) -> this.currentSession.forget(request.exchange()))
			.then(Mono.defer(() -> Pages.builder(HttpStatus.OK, null).bodyValue(Pages.page("Signed out everywhere", """
					<h1>You are signed out everywhere</h1>
					<p>Every session has ended, and apps you allowed must ask you to sign in again.</p>
					<p><a class="button" href="%s">Sign in again</a></p>
					""".formatted(SignInPage.signInFor(PATH))))));
	}

}
