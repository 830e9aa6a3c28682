package dev.writ.resourceserver.revocation;

import java.text.ParseException;
import java.time.Instant;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.jspecify.annotations.Nullable;

/**
 * One revocation as the authorization server announces it on {@code writ:revocations}:
 * {@code {"jti":"...","exp":1700000000}}.
 *
 * @param tokenId the revoked token's {@code jti}
 * @param expiresAt the revoked token's {@code exp}
 */
record RevocationMessage(String tokenId, Instant expiresAt) {

	/**
	 * The message, or {@code null} when the payload is not one (it is then ignored, not
	 * fatal to the listener).
	 */
	static @Nullable RevocationMessage parse(String payload) {
		try {
			Map<String, Object> json = JSONObjectUtils.parse(payload);
			if (json.get("jti") instanceof String jti && json.get("exp") instanceof Number exp) {
				return new RevocationMessage(jti, Instant.ofEpochSecond(exp.longValue()));
			}
			return null;
		}
		catch (ParseException ex) {
			return null;
		}
	}

	/**
	 * The revocation stored under {@code key} with {@code value} (the exp in epoch
	 * seconds), or {@code null}.
	 */
	static @Nullable RevocationMessage fromEntry(String key, @Nullable String value) {
		if (value == null || !key.startsWith(RedisRevocationListener.KEY_PREFIX)) {
			return null;
		}
		try {
			return new RevocationMessage(key.substring(RedisRevocationListener.KEY_PREFIX.length()),
					Instant.ofEpochSecond(Long.parseLong(value.trim())));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
