package dev.writ.server.admin;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * The one error the admin API raises: an RFC 9457 problem (a {@code type} slug under
 * {@value #TYPE_PREFIX}, its status, a {@code detail} for people), with the field errors
 * of a request body that did not validate and the RFC 6750 §3 challenge of a bearer
 * failure. Created only through the factories below, so each slug has one status; only
 * {@code web.ErrorResponses} renders it.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9457">RFC 9457</a>
 */
public final class AdminProblem extends RuntimeException {

	/** Where the problem types live; the slug follows. */
	public static final String TYPE_PREFIX = "https://writ.dev/problems/";

	/** The challenge when no token was sent (RFC 6750 §3: no error attribute then). */
	static final String BEARER = "Bearer";

	private static final Map<Integer, String> SLUGS = Map.ofEntries(Map.entry(400, "malformed-request"),
			Map.entry(401, "unauthorized"), Map.entry(403, "forbidden"), Map.entry(404, "not-found"),
			Map.entry(405, "method-not-allowed"), Map.entry(409, "conflict"), Map.entry(413, "request-too-large"),
			Map.entry(415, "unsupported-media-type"), Map.entry(429, "too-many-requests"),
			Map.entry(503, "unavailable"));

	private final HttpStatus status;

	private final String slug;

	private final List<FieldError> errors;

	@Nullable private final String wwwAuthenticate;

	@Nullable private final Duration retryAfter;

	private AdminProblem(HttpStatus status, String slug, String detail, List<FieldError> errors,
			@Nullable String wwwAuthenticate, @Nullable Duration retryAfter) {
		super(detail, null, false, false);
		this.status = status;
		this.slug = slug;
		this.errors = List.copyOf(errors);
		this.wwwAuthenticate = wwwAuthenticate;
		this.retryAfter = retryAfter;
	}

	/** 400 {@code validation}: the body or a parameter breaks a rule; each is named. */
	public static AdminProblem validation(List<FieldError> errors) {
		String detail = (errors.size() == 1) ? errors.get(0).detail() : errors.size() + " values are not valid";
		return new AdminProblem(HttpStatus.BAD_REQUEST, "validation", detail, errors, null, null);
	}

	/** 400 {@code validation} of one member of the request body. */
	public static AdminProblem invalidField(String name, String detail) {
		return validation(List.of(FieldError.member(name, detail)));
	}

	/** 400 {@code malformed-request}: not JSON, or not the JSON object expected. */
	public static AdminProblem malformedRequest(String detail) {
		return new AdminProblem(HttpStatus.BAD_REQUEST, "malformed-request", detail, List.of(), null, null);
	}

	/**
	 * 401 {@code unauthorized}: no usable access token. RFC 6750 §3.1: the challenge
	 * names {@code invalid_token} only when a token was sent.
	 */
	public static AdminProblem unauthorized(String detail, boolean tokenPresented) {
		return new AdminProblem(HttpStatus.UNAUTHORIZED, "unauthorized", detail, List.of(),
				tokenPresented ? BEARER + " error=\"invalid_token\"" : BEARER, null);
	}

	/**
	 * 400 {@code malformed-request} with RFC 6750 §3.1 {@code invalid_request}: the
	 * credentials were sent in a way the API does not accept (several
	 * {@code Authorization} headers).
	 */
	public static AdminProblem invalidAuthorizationRequest(String detail) {
		return new AdminProblem(HttpStatus.BAD_REQUEST, "malformed-request", detail, List.of(),
				BEARER + " error=\"invalid_request\"", null);
	}

	/**
	 * 403 {@code forbidden} with RFC 6750 §3.1 {@code insufficient_scope}: the token
	 * lacks a scope; {@code scope} lists the scopes any of which would do.
	 */
	public static AdminProblem insufficientScope(String scope) {
		return new AdminProblem(HttpStatus.FORBIDDEN, "forbidden", "the access token lacks the scope '" + scope + "'",
				List.of(), BEARER + " error=\"insufficient_scope\", scope=\"" + scope + "\"", null);
	}

	/**
	 * 403 {@code forbidden}: the token is good but what it speaks for (the caller's
	 * organization and current role) does not allow this. The challenge says
	 * {@code insufficient_scope} (RFC 6750 §3.1: "requires higher privileges than
	 * provided by the access token") without repeating the detail, which may hold request
	 * values.
	 */
	public static AdminProblem forbidden(String detail) {
		return new AdminProblem(HttpStatus.FORBIDDEN, "forbidden", detail, List.of(),
				BEARER + " error=\"insufficient_scope\"", null);
	}

	/** 404 {@code not-found}: no such thing, or not one the caller may see. */
	public static AdminProblem notFound(String detail) {
		return new AdminProblem(HttpStatus.NOT_FOUND, "not-found", detail, List.of(), null, null);
	}

	/**
	 * 409 {@code conflict}: the change contradicts the current state (the last owner).
	 */
	public static AdminProblem conflict(String detail) {
		return new AdminProblem(HttpStatus.CONFLICT, "conflict", detail, List.of(), null, null);
	}

	/** 503 {@code unavailable}: something the request needs cannot be reached. */
	public static AdminProblem unavailable(String detail) {
		return new AdminProblem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", detail, List.of(), null,
				Duration.ofSeconds(1));
	}

	/**
	 * The problem for an error raised outside the admin code (an unknown path, a body too
	 * large, a store that is down), keeping its status, challenge and retry time.
	 */
	public static AdminProblem of(HttpStatus status, String detail, @Nullable String wwwAuthenticate,
			@Nullable Duration retryAfter) {
		String slug = SLUGS.getOrDefault(status.value(), status.is5xxServerError() ? "server-error" : "bad-request");
		return new AdminProblem(status, slug, detail, List.of(), wwwAuthenticate, retryAfter);
	}

	public HttpStatus status() {
		return this.status;
	}

	/** The last segment of the problem's {@code type}. */
	public String slug() {
		return this.slug;
	}

	public String type() {
		return TYPE_PREFIX + this.slug;
	}

	/** RFC 9457 §3.1.3: the same for every occurrence of the type. */
	public String title() {
		return switch (this.slug) {
			case "validation" -> "The request is not valid";
			case "malformed-request" -> "The request is malformed";
			default -> this.status.getReasonPhrase();
		};
	}

	public String detail() {
		return getMessage();
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	@Nullable public String wwwAuthenticate() {
		return this.wwwAuthenticate;
	}

	@Nullable public Duration retryAfter() {
		return this.retryAfter;
	}

	/**
	 * One broken rule, an entry of the problem's {@code errors} extension member (RFC
	 * 9457 §3.2): where ({@code pointer}, a JSON Pointer (RFC 6901) into the request body
	 * as a URI fragment, or {@code parameter}, a query parameter's name) and what is
	 * wrong.
	 *
	 * @param pointer e.g. {@code #/name}, or {@code null} for a parameter
	 * @param parameter e.g. {@code limit}, or {@code null} for a body member
	 * @param detail e.g. {@code must not be blank}
	 */
	public record FieldError(@Nullable String pointer, @Nullable String parameter, String detail) {

		/** An error of the body's top-level member {@code name}. */
		public static FieldError member(String name, String detail) {
			return new FieldError("#/" + name.replace("~", "~0").replace("/", "~1"), null, detail);
		}

		public static FieldError parameter(String name, String detail) {
			return new FieldError(null, name, detail);
		}

	}

}
