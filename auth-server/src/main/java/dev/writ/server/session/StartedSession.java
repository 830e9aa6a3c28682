package dev.writ.server.session;

/**
 * A session just started, with the secret its cookie carries. The secret exists only here
 * and in the browser: Redis holds its hash.
 *
 * @param session the session
 * @param cookieSecret 256 random bits, base64url
 */
public record StartedSession(BrowserSession session, String cookieSecret) {

	@Override
	public String toString() {
		// keeps the secret out of logs and assertion messages
		return "StartedSession[session=" + this.session + ", cookieSecret=<hidden>]";
	}

}
