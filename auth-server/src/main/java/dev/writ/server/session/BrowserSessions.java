package dev.writ.server.session;

import java.time.Instant;
import java.util.List;

import org.springframework.lang.Nullable;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Browser sessions, shared by every node.
 *
 * <p>
 * Contract:
 * <ul>
 * <li>a session is found by the secret of its cookie and by nothing else a browser sends;
 * the store keeps only the SHA-256 of that secret, so a copy of the store cannot be
 * replayed as cookies;</li>
 * <li>a session is dead once it has seen no request for the idle time to live, or has
 * lived for the absolute time to live, whichever comes first; a dead, revoked or ended
 * session is never returned again;</li>
 * <li>{@link #resolve} records the last request at most once a minute (one write a minute
 * per browser rather than one per request), and each record extends the idle
 * deadline;</li>
 * <li>a user can end only their own sessions: {@link #revoke} of another user's session
 * changes nothing and answers {@code false}, exactly as an unknown id does.</li>
 * </ul>
 *
 * @see SessionProperties
 */
public interface BrowserSessions {

	/**
	 * Starts a session for a user who has just authenticated: a new id and a new secret
	 * every time, so a session cannot be fixed by an attacker before sign-in.
	 */
	Mono<StartedSession> start(String userId, Instant authTime, List<String> amr, @Nullable String userAgent,
			@Nullable String ipAddress);

	/** The live session of a cookie secret; empty when unknown, dead or revoked. */
	Mono<BrowserSession> resolve(String cookieSecret);

	/**
	 * The user's live sessions, newest first; dead ones are dropped from the user's index
	 * on the way.
	 */
	Flux<BrowserSession> findByUser(String userId);

	/**
	 * Ends the session {@code sessionId} if it is one of {@code userId}'s; {@code false}
	 * when it is not (unknown, dead, or another user's).
	 */
	Mono<Boolean> revoke(String userId, String sessionId);

	/**
	 * Ends the session of a cookie secret (sign-out of this browser); unknown is fine.
	 */
	Mono<Void> end(String cookieSecret);

	/** Ends every session of the user at once; the number of live sessions ended. */
	Mono<Long> revokeAllForUser(String userId);

}
