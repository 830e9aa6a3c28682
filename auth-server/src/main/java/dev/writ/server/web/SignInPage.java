package dev.writ.server.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.writ.server.account.PasswordSignIn;
import dev.writ.server.account.SignInResult;
import dev.writ.server.account.User;
import dev.writ.server.event.ClientAddress;
import dev.writ.server.invitation.Invitations;
import dev.writ.server.oauth2.authorization.AuthorizationEndpoint;
import dev.writ.server.protocol.FormParameters;
import dev.writ.server.session.CurrentSession;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;

/**
 * The sign-in page: email and password, then a new browser session (a new id at every
 * sign-in, so a session id planted before it is worth nothing) and back to where the user
 * was going. Wrong credentials, an unknown account and a disabled one get the same
 * answer.
 */
@Component
final class SignInPage {

	static final String PATH = "/login";

	/**
	 * An invitation's page: its token is base64url, so nothing in it can lead off the
	 * path.
	 */
	private static final Pattern INVITATION = Pattern
		.compile(Pattern.quote(Invitations.PATH_PREFIX) + "[A-Za-z0-9_-]{1,128}");

	/** RFC 8176 §2: password-based authentication. */
	private static final String PASSWORD = "pwd";

	private final PasswordSignIn passwordSignIn;

	private final CurrentSession currentSession;

	private final AuthorizationEndpoint authorizationEndpoint;

	SignInPage(PasswordSignIn passwordSignIn, CurrentSession currentSession,
			AuthorizationEndpoint authorizationEndpoint) {
		this.passwordSignIn = passwordSignIn;
		this.currentSession = currentSession;
		this.authorizationEndpoint = authorizationEndpoint;
	}

	Mono<ServerResponse> show(ServerRequest request) {
		String continueUri = safeContinue(request.queryParams().getFirst("continue"));
		return form(request, HttpStatus.OK, continueUri, request.queryParams().getFirst("login_hint"), null);
	}

	Mono<ServerResponse> signIn(ServerRequest request) {
		return request.formData().flatMap((form) -> {
			String continueUri = safeContinue(form.getFirst("continue"));
			String email = Optional.ofNullable(form.getFirst("email")).orElse("").trim();
			String password = Optional.ofNullable(form.getFirst("password")).orElse("");
			if (email.isEmpty() || password.isEmpty()) {
				return form(request, HttpStatus.OK, continueUri, email, "Enter your email address and password.");
			}
			return this.passwordSignIn.signIn(email, password, clientIp(request)).flatMap((result) -> {
				if (result instanceof SignInResult.SignedIn signedIn) {
					return start(request, signedIn.user(), continueUri);
				}
				if (result instanceof SignInResult.Throttled throttled) {
					return form(request, HttpStatus.TOO_MANY_REQUESTS, continueUri, email,
							"Too many sign-in attempts. Try again in " + Math.max(1, throttled.retryAfter().toSeconds())
									+ " seconds.",
							throttled.retryAfter());
				}
				return form(request, HttpStatus.OK, continueUri, email, "The email address or password is wrong.");
			});
		});
	}

	/**
	 * A new session (new id, new secret) for the user, then on to where they were going.
	 */
	private Mono<ServerResponse> start(ServerRequest request, User user, String continueUri) {
		return this.currentSession.signIn(request.exchange(), user.id(), List.of(PASSWORD))
			.then(Mono.defer(() -> Pages.seeOther(continueUri)));
	}

	private Mono<ServerResponse> form(ServerRequest request, HttpStatus status, String continueUri,
			@Nullable String email, @Nullable String error) {
		return form(request, status, continueUri, email, error, null);
	}

	/**
	 * RFC 6585 §4: a throttled answer says when to retry, on the page and in the header.
	 */
	private Mono<ServerResponse> form(ServerRequest request, HttpStatus status, String continueUri,
			@Nullable String email, @Nullable String error, @Nullable Duration retryAfter) {
		String alert = (error != null) ? "<p role=\"alert\" class=\"alert\">" + Pages.escape(error) + "</p>" : "";
		boolean noEmail = (email == null || email.isEmpty());
		return Mono.zip(Pages.csrfField(request), formTarget(continueUri)).flatMap((both) -> {
			ServerResponse.BodyBuilder response = Pages.builder(status, both.getT2().isEmpty() ? null : both.getT2());
			if (retryAfter != null) {
				response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
			}
			return response.bodyValue(Pages.page("Sign in", """
					<h1>Sign in</h1>
					<p class="lead">with your Writ account</p>
					%s
					<form method="post" action="%s">
					%s<input type="hidden" name="continue" value="%s">
					<label for="email">Email address</label>
					<input id="email" name="email" type="email" autocomplete="username" required value="%s"%s>
					<label for="password">Password</label>
					<input id="password" name="password" type="password" autocomplete="current-password" required%s>
					<div class="actions"><button type="submit">Sign in</button></div>
					</form>
					""".formatted(alert, PATH, both.getT1(), Pages.escape(continueUri), Pages.escape(email),
					noEmail ? " autofocus" : "", noEmail ? "" : " autofocus")));
		});
	}

	/**
	 * The origin the sign-in may end at: the client's redirect URI when the user is on
	 * the way through an authorization request.
	 */
	private Mono<String> formTarget(String continueUri) {
		if (!continueUri.startsWith(AuthorizationEndpoint.PATH + "?")) {
			return Mono.just("");
		}
		MultiValueMap<String, String> parameters = FormParameters
			.decodeAll(continueUri.substring(AuthorizationEndpoint.PATH.length() + 1));
		return this.authorizationEndpoint.redirectUri(parameters)
			.mapNotNull(AuthorizationPages::origin)
			.defaultIfEmpty("");
	}

	/**
	 * Only a path on this server where sign-in leads somewhere: never an absolute URL, so
	 * the page is no open redirector.
	 */
	static String safeContinue(@Nullable String continueUri) {
		if (continueUri != null && (continueUri.startsWith(AuthorizationEndpoint.PATH + "?")
				|| continueUri.equals(SessionsPage.PATH) || INVITATION.matcher(continueUri).matches())) {
			return continueUri;
		}
		return SessionsPage.PATH;
	}

	static String signInFor(String continueUri) {
		return UriComponentsBuilder.fromPath(PATH)
			.queryParam("continue", "{continue}")
			.encode()
			.buildAndExpand(continueUri)
			.toUriString();
	}

	/** Sign-in with the email field filled in with {@code loginHint}. */
	static String signInFor(String continueUri, String loginHint) {
		return UriComponentsBuilder.fromPath(PATH)
			.queryParam("continue", "{continue}")
			.queryParam("login_hint", "{hint}")
			.encode()
			.buildAndExpand(continueUri, loginHint)
			.toUriString();
	}

	/** Unknown addresses share one throttling counter, which errs on the safe side. */
	private static String clientIp(ServerRequest request) {
		String address = ClientAddress.of(request.exchange().getRequest());
		return (address != null) ? address : "unknown";
	}

}
