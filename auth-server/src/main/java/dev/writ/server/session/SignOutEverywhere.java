package dev.writ.server.session;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * "Sign out everywhere": ends everything that keeps a user signed in, at once. The one
 * place that knows what that is, so that a new kind of sign-in (refresh-token families,
 * for one) is ended here and nowhere else.
 */
@Component
public final class SignOutEverywhere {

	private final BrowserSessions sessions;

	SignOutEverywhere(BrowserSessions sessions) {
		this.sessions = sessions;
	}

	public Mono<Void> signOut(String userId) {
		return this.sessions.revokeAllForUser(userId).then();
	}

}
