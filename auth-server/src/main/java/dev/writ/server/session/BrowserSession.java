package dev.writ.server.session;

import java.time.Instant;
import java.util.List;

import org.springframework.lang.Nullable;

/**
 * A signed-in browser, as the session list shows it and as tokens refer to it.
 *
 * @param id a public random handle: safe to show, and the {@code sid} of OIDC tokens and
 * logout (OpenID Connect Front-/Back-Channel Logout §2/§3); never the cookie secret
 * @param userId the signed-in user
 * @param authTime when the user last authenticated (OIDC Core §2 {@code auth_time})
 * @param amr how the user authenticated (RFC 8176 values, e.g. {@code pwd})
 * @param createdAt when the session started
 * @param lastSeenAt the last request seen, to a minute
 * @param userAgent the browser's {@code User-Agent} at sign-in, shortened
 * @param device a short description of the browser, from the user agent
 * @param ipAddress the client address at sign-in
 */
public record BrowserSession(String id, String userId, Instant authTime, List<String> amr, Instant createdAt,
		Instant lastSeenAt, @Nullable String userAgent, String device, @Nullable String ipAddress) {

	public BrowserSession {
		amr = List.copyOf(amr);
	}

}
