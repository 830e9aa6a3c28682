package dev.writ.resourceserver.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The revoked access tokens this service knows of, in memory: {@code jti} → the token's
 * {@code exp}. Looking a token up costs no network call; the
 * {@link RedisRevocationListener} keeps the list in step with the authorization server.
 *
 * <p>
 * An entry is kept until its token expires plus the clock skew that the validators
 * tolerate: until then the token could still pass the {@code exp} check, after that it
 * cannot, so the entry has done its work.
 */
public final class RevocationList {

	private final Map<String, Instant> revoked = new ConcurrentHashMap<>();

	private final Duration retention;

	private final Clock clock;

	/**
	 * @param retention how long past a token's {@code exp} its entry is kept (the
	 * validators' clock skew)
	 * @param clock the clock that decides expiry
	 */
	public RevocationList(Duration retention, Clock clock) {
		this.retention = retention;
		this.clock = clock;
	}

	/**
	 * Records that the token with this {@code jti}, which expires at {@code expiresAt},
	 * is revoked.
	 */
	public void revoke(String tokenId, Instant expiresAt) {
		if (isLive(expiresAt)) {
			this.revoked.merge(tokenId, expiresAt, (a, b) -> a.isAfter(b) ? a : b);
		}
	}

	public boolean isRevoked(String tokenId) {
		Instant expiresAt = this.revoked.get(tokenId);
		if (expiresAt == null) {
			return false;
		}
		if (isLive(expiresAt)) {
			return true;
		}
		this.revoked.remove(tokenId, expiresAt);
		return false;
	}

	/** Drops the entries of tokens that can no longer pass validation anyway. */
	public void purgeExpired() {
		this.revoked.values().removeIf((expiresAt) -> !isLive(expiresAt));
	}

	public int size() {
		return this.revoked.size();
	}

	private boolean isLive(Instant expiresAt) {
		return !this.clock.instant().isAfter(expiresAt.plus(this.retention));
	}

}
