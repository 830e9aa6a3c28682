package dev.writ.server.protocol;

import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.springframework.lang.Nullable;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/**
 * The one error every protocol endpoint raises: an RFC 6749 §5.2 (or RFC 6750, 7009,
 * 8707) error code with its HTTP status. It is created only through the factories below,
 * so the status of a code is decided in one place, and rendered only by
 * {@code dev.writ.server.web.ErrorResponses}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.2">RFC 6749 §5.2</a>
 */
public final class OAuth2Exception extends RuntimeException {

	/** The challenge of RFC 6749 §5.2 for a client that failed to authenticate. */
	static final String CLIENT_CHALLENGE = "Basic realm=\"writ\"";

	private final String errorCode;

	private final HttpStatus status;

	@Nullable
	private final String wwwAuthenticate;

	@Nullable
	private final Duration retryAfter;

	private OAuth2Exception(String errorCode, String description, HttpStatus status, @Nullable String wwwAuthenticate,
			@Nullable Duration retryAfter) {
		super(description, null, false, false);
		this.errorCode = errorCode;
		this.status = status;
		this.wwwAuthenticate = wwwAuthenticate;
		this.retryAfter = retryAfter;
	}

	private static OAuth2Exception badRequest(String errorCode, String description) {
		return new OAuth2Exception(errorCode, description, HttpStatus.BAD_REQUEST, null, null);
	}

	public static OAuth2Exception invalidRequest(String description) {
		return badRequest(OAuth2ErrorCodes.INVALID_REQUEST, description);
	}

	/**
	 * 401 with a {@code WWW-Authenticate} challenge, as RFC 6749 §5.2 asks of a failed
	 * client authentication.
	 */
	public static OAuth2Exception invalidClient(String description) {
		return new OAuth2Exception(OAuth2ErrorCodes.INVALID_CLIENT, description, HttpStatus.UNAUTHORIZED,
				CLIENT_CHALLENGE, null);
	}

	public static OAuth2Exception invalidGrant(String description) {
		return badRequest(OAuth2ErrorCodes.INVALID_GRANT, description);
	}

	public static OAuth2Exception unauthorizedClient(String description) {
		return badRequest(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT, description);
	}

	public static OAuth2Exception unsupportedGrantType(String description) {
		return badRequest(OAuth2ErrorCodes.UNSUPPORTED_GRANT_TYPE, description);
	}

	public static OAuth2Exception invalidScope(String description) {
		return badRequest(OAuth2ErrorCodes.INVALID_SCOPE, description);
	}

	/**
	 * RFC 8707 §2: a {@code resource} the client may not address, or one that is not an
	 * absolute URI.
	 */
	public static OAuth2Exception invalidTarget(String description) {
		return badRequest("invalid_target", description);
	}

	/** RFC 6749 §4.1.2.1: the authorization server does not support the response type. */
	public static OAuth2Exception unsupportedResponseType(String description) {
		return badRequest(OAuth2ErrorCodes.UNSUPPORTED_RESPONSE_TYPE, description);
	}

	/** OpenID Connect Core §3.1.2.6: {@code prompt=none} but the user must consent. */
	public static OAuth2Exception consentRequired(String description) {
		return badRequest("consent_required", description);
	}

	/**
	 * OpenID Connect Core §3.1.2.6: {@code prompt=none}, but the user must choose (here:
	 * an organization).
	 */
	public static OAuth2Exception interactionRequired(String description) {
		return badRequest("interaction_required", description);
	}

	/** OpenID Connect Core §3.1.2.6: request objects are not supported. */
	public static OAuth2Exception requestNotSupported() {
		return badRequest("request_not_supported", "the request parameter is not supported");
	}

	/** OpenID Connect Core §3.1.2.6: request objects by reference are not supported. */
	public static OAuth2Exception requestUriNotSupported() {
		return badRequest("request_uri_not_supported", "the request_uri parameter is not supported");
	}

	/**
	 * RFC 6750 §3.1: a bearer token that is missing, malformed, expired or revoked; 401
	 * with a {@code Bearer} challenge, which names the error only when a token was sent.
	 */
	public static OAuth2Exception invalidToken(String description, boolean tokenPresented) {
		String challenge = tokenPresented ? "Bearer error=\"invalid_token\", error_description=\"" + description + "\""
				: "Bearer";
		return new OAuth2Exception("invalid_token", description, HttpStatus.UNAUTHORIZED, challenge, null);
	}

	/** RFC 6750 §3.1: the token lacks a scope the resource needs; 403. */
	public static OAuth2Exception insufficientScope(String scope) {
		return new OAuth2Exception("insufficient_scope", "the token lacks the scope '" + scope + "'",
				HttpStatus.FORBIDDEN, "Bearer error=\"insufficient_scope\", scope=\"" + scope + "\"", null);
	}

	/** 413: the request body is larger than any protocol message Writ accepts. */
	public static OAuth2Exception requestTooLarge(String description) {
		return new OAuth2Exception(OAuth2ErrorCodes.INVALID_REQUEST, description, HttpStatus.CONTENT_TOO_LARGE, null,
				null);
	}

	/** 415: a protocol endpoint was sent something other than an HTML form encoding. */
	public static OAuth2Exception unsupportedMediaType(String description) {
		return new OAuth2Exception(OAuth2ErrorCodes.INVALID_REQUEST, description, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				null, null);
	}

	/** 429 with {@code Retry-After}: the caller exceeded a rate limit. */
	public static OAuth2Exception tooManyRequests(Duration retryAfter) {
		return new OAuth2Exception("too_many_requests", "rate limit exceeded, retry later",
				HttpStatus.TOO_MANY_REQUESTS, null, retryAfter);
	}

	/**
	 * 503 with {@code Retry-After}: a store Writ cannot answer without (PostgreSQL or
	 * Redis) is unreachable.
	 */
	public static OAuth2Exception temporarilyUnavailable(String description) {
		return new OAuth2Exception(OAuth2ErrorCodes.TEMPORARILY_UNAVAILABLE, description,
				HttpStatus.SERVICE_UNAVAILABLE, null, Duration.ofSeconds(1));
	}

	public static OAuth2Exception notFound() {
		return notFound("no such endpoint");
	}

	/** 404 for a resource that does not exist, or that is not the caller's to see. */
	public static OAuth2Exception notFound(String description) {
		return new OAuth2Exception("not_found", description, HttpStatus.NOT_FOUND, null, null);
	}

	/**
	 * 401: a browser request without a live session, or (sent to the redirect URI)
	 * {@code prompt=none} when the user must sign in. The code is OIDC Core §3.1.2.6's
	 * {@code login_required}; there is no {@code WWW-Authenticate} challenge, because a
	 * session cookie has no registered HTTP authentication scheme to name.
	 */
	public static OAuth2Exception loginRequired(String description) {
		return new OAuth2Exception("login_required", description, HttpStatus.UNAUTHORIZED, null, null);
	}

	/**
	 * 403 {@code access_denied} (RFC 6749 §4.1.2.1): the request is refused, by the user
	 * on the consent page, or because its CSRF token is missing or wrong.
	 */
	public static OAuth2Exception accessDenied(String description) {
		return new OAuth2Exception(OAuth2ErrorCodes.ACCESS_DENIED, description, HttpStatus.FORBIDDEN, null, null);
	}

	public static OAuth2Exception methodNotAllowed(String description) {
		return new OAuth2Exception(OAuth2ErrorCodes.INVALID_REQUEST, description, HttpStatus.METHOD_NOT_ALLOWED, null,
				null);
	}

	/** 500: never carries the text of the exception that caused it. */
	public static OAuth2Exception serverError(String requestId) {
		return new OAuth2Exception(OAuth2ErrorCodes.SERVER_ERROR, "unexpected error; request id " + requestId,
				HttpStatus.INTERNAL_SERVER_ERROR, null, null);
	}

	public String errorCode() {
		return this.errorCode;
	}

	public String description() {
		return getMessage();
	}

	public HttpStatus status() {
		return this.status;
	}

	@Nullable
	public String wwwAuthenticate() {
		return this.wwwAuthenticate;
	}

	@Nullable
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
