package dev.writ.server.oauth2.authorization;

import dev.writ.server.protocol.OAuth2Exception;

import org.springframework.lang.Nullable;

/**
 * An authorization request that cannot be granted, and where to say so: to the client at
 * its redirect URI (RFC 6749 §4.1.2.1) or, when the client or its redirect URI cannot be
 * trusted, to the user only, on a page (§3.1.2.4: never redirect to an unverified URI).
 */
final class AuthorizationError extends RuntimeException {

	private final OAuth2Exception error;

	@Nullable
	private final String redirectUri;

	@Nullable
	private final String state;

	private AuthorizationError(OAuth2Exception error, @Nullable String redirectUri, @Nullable String state) {
		super(error.description(), null, false, false);
		this.error = error;
		this.redirectUri = redirectUri;
		this.state = state;
	}

	static AuthorizationError toUser(OAuth2Exception error) {
		return new AuthorizationError(error, null, null);
	}

	static AuthorizationError toClient(OAuth2Exception error, String redirectUri, @Nullable String state) {
		return new AuthorizationError(error, redirectUri, state);
	}

	OAuth2Exception error() {
		return this.error;
	}

	@Nullable
	String redirectUri() {
		return this.redirectUri;
	}

	@Nullable
	String state() {
		return this.state;
	}

}
