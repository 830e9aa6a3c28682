package dev.writ.server.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.writ.server.oidc.EndSessionEndpoint;
import dev.writ.server.oidc.LogoutRequest;
import dev.writ.server.protocol.OAuth2Exception;
import dev.writ.server.session.CurrentSession;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;

/**
 * RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0 §2 and §3): the user
 * confirms on a page of Writ's (a client cannot sign the user out with a link alone),
 * then the session ends and the browser goes back to the client, or to a page saying it
 * is done.
 */
@Component
final class LogoutPages {

	static final String CONFIRM_PATH = "/logout";

	private final EndSessionEndpoint endpoint;

	private final CurrentSession currentSession;

	LogoutPages(EndSessionEndpoint endpoint, CurrentSession currentSession) {
		this.endpoint = endpoint;
		this.currentSession = currentSession;
	}

	/** GET or POST {@code /connect/logout}, as the client sends it. */
	Mono<ServerResponse> endSession(ServerRequest request) {
		Mono<MultiValueMap<String, String>> parameters = (request.method() == HttpMethod.POST) ? request.formData()
				: Mono.just(request.queryParams());
		return parameters.flatMap(this.endpoint::validate)
			.flatMap((logout) -> this.currentSession.of(request.exchange())
				.flatMap((session) -> confirmation(request, logout))
				.switchIfEmpty(Mono.defer(() -> finish(request, logout))))
			.onErrorResume(OAuth2Exception.class, LogoutPages::invalid);
	}

	/** POST {@code /logout}: the user confirmed. */
	Mono<ServerResponse> confirm(ServerRequest request) {
		return request.formData().flatMap((form) -> {
			MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
			for (String name : new String[] { "client_id", "post_logout_redirect_uri", "state" }) {
				if (form.getFirst(name) != null) {
					parameters.add(name, form.getFirst(name));
				}
			}
			return this.endpoint.validate(parameters)
				.flatMap((logout) -> finish(request, logout))
				.onErrorResume(OAuth2Exception.class, LogoutPages::invalid);
		});
	}

	private Mono<ServerResponse> confirmation(ServerRequest request, LogoutRequest logout) {
		Map<String, String> fields = new LinkedHashMap<>();
		if (logout.clientId() != null) {
			fields.put("client_id", logout.clientId());
		}
		if (logout.postLogoutRedirectUri() != null) {
			fields.put("post_logout_redirect_uri", logout.postLogoutRedirectUri());
		}
		if (logout.state() != null) {
			fields.put("state", logout.state());
		}
		String target = (logout.postLogoutRedirectUri() != null)
				? AuthorizationPages.origin(logout.postLogoutRedirectUri()) : null;
		return Pages.csrfField(request).flatMap((csrf) -> Pages.html(HttpStatus.OK, Pages.page("Sign out", """
				<h1>Sign out?</h1>
				<p>You will be signed out of Writ in this browser.</p>
				<form method="post" action="%s">
				%s%s<div class="actions"><button type="submit">Sign out</button></div>
				</form>
				""".formatted(CONFIRM_PATH, csrf, Pages.hiddenFields(fields))), target));
	}

	private Mono<ServerResponse> finish(ServerRequest request, LogoutRequest logout) {
		URI redirect = EndSessionEndpoint.redirectAfter(logout);
		return this.currentSession.signOut(request.exchange()).then(Mono.defer(() -> {
			if (redirect != null) {
				return Pages.seeOther(redirect.toString());
			}
			return Pages.builder(HttpStatus.OK, null).bodyValue(Pages.page("Signed out", """
					<h1>You are signed out</h1>
					<p>You can close this window, or <a href="%s">sign in again</a>.</p>
					""".formatted(SignInPage.PATH)));
		}));
	}

	private static Mono<ServerResponse> invalid(OAuth2Exception error) {
		return Pages.html(HttpStatus.BAD_REQUEST, Pages.page("Sign-out request not valid", """
				<h1>This sign-out request is not valid</h1>
				<p role="alert" class="alert">%s</p>
				""".formatted(Pages.escape(error.description()))));
	}

}
