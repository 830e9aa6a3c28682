package dev.writ.server.token;

import dev.writ.server.jwk.SigningKeyProperties;

import org.springframework.stereotype.Component;

/**
 * Refuses to start when a retired signing key could leave the JWKS before the tokens it
 * signed expire: then resource servers would reject valid tokens after every rotation.
 */
@Component
final class KeyRetentionCheck {

	KeyRetentionCheck(TokenProperties tokens, SigningKeyProperties keys) {
		check(tokens, keys);
	}

	static void check(TokenProperties tokens, SigningKeyProperties keys) {
		if (keys.retention().compareTo(tokens.maxAccessTokenTimeToLive()) <= 0) {
			throw new IllegalStateException("writ.keys.retention (" + keys.retention()
					+ ") must be greater than writ.token.max-access-token-time-to-live ("
					+ tokens.maxAccessTokenTimeToLive()
					+ "), or tokens signed just before a rotation could not be verified until they expire");
		}
	}

}
