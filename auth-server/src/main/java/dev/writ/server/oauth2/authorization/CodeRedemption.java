package dev.writ.server.oauth2.authorization;

import java.time.Instant;

import org.springframework.lang.Nullable;

/** What presenting an authorization code at the token endpoint found. */
public sealed interface CodeRedemption {

	/** The code's first use: its authorization, now consumed. */
	record Redeemed(CodeAuthorization authorization) implements CodeRedemption {
	}

	/**
	 * A second use (RFC 6749 §4.1.2: the code may have been stolen): what the first use
	 * issued, so it can be revoked.
	 *
	 * @param refreshTokenFamily the refresh-token family issued, or {@code null}
	 * @param accessTokenId the {@code jti} of the access token issued, or {@code null}
	 * @param accessTokenExpiresAt its expiry, or {@code null}
	 */
	record Replayed(@Nullable String refreshTokenFamily, @Nullable String accessTokenId,
			@Nullable Instant accessTokenExpiresAt) implements CodeRedemption {
	}

	/** Unknown, expired, or issued to another client. */
	record Invalid() implements CodeRedemption {
	}

}
