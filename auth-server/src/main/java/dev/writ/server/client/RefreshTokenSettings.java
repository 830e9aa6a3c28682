package dev.writ.server.client;

import java.time.Duration;

import org.springframework.lang.Nullable;

/**
 * How a client's refresh tokens are issued and how long they live.
 *
 * @param withoutOfflineAccess whether the client gets a refresh token even when it did
 * not ask for {@code offline_access} (OpenID Connect Core §11 makes that scope the usual
 * way to ask)
 * @param idleTimeToLive how long an unused refresh token lives, or {@code null} for the
 * server's default
 * @param absoluteTimeToLive how long a refresh-token family lives at most, or
 * {@code null} for the server's default
 */
public record RefreshTokenSettings(boolean withoutOfflineAccess, @Nullable Duration idleTimeToLive,
		@Nullable Duration absoluteTimeToLive) {

	/** Refresh tokens for {@code offline_access} only, with the server's lifetimes. */
	public static final RefreshTokenSettings DEFAULTS = new RefreshTokenSettings(false, null, null);

}
