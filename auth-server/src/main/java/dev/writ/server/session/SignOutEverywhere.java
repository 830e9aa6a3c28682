package dev.writ.server.session;

import dev.writ.server.token.RefreshTokenFamilies;
import dev.writ.server.token.UserAccessTokens;

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

	private final RefreshTokenFamilies refreshTokens;

	private final UserAccessTokens accessTokens;

	SignOutEverywhere(BrowserSessions sessions, RefreshTokenFamilies refreshTokens, UserAccessTokens accessTokens) {
		this.sessions = sessions;
		this.refreshTokens = refreshTokens;
		this.accessTokens = accessTokens;
	}

	/**
	 * Ends every browser session and every refresh-token family of the user, and puts
	 * every live access token of the user on the revocation list, so resource servers
	 * refuse them at once.
	 */
	public Mono<Void> signOut(String userId) {
		return Mono.when(this.sessions.revokeAllForUser(userId), this.refreshTokens.revokeAllForUser(userId),
				this.accessTokens.revokeAll(userId));
	}

}
