package dev.writ.server.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.writ.server.account.Users;
import dev.writ.server.consent.ScopeDescriptions;
import dev.writ.server.oauth2.authorization.AuthorizationDecision;
import dev.writ.server.oauth2.authorization.AuthorizationEndpoint;
import dev.writ.server.oauth2.authorization.AuthorizationRequest;
import dev.writ.server.oauth2.authorization.EndUserAuthentication;
import dev.writ.server.org.Organization;
import dev.writ.server.session.BrowserSession;
import dev.writ.server.session.CurrentSession;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;

/**
 * The browser side of the authorization endpoint: carries out what
 * {@link AuthorizationEndpoint} decides, showing the consent page and the error page.
 */
@Component
final class AuthorizationPages {

	static final String CONSENT_PATH = "/consent";

	private static final String DECISION = "decision";

	private final AuthorizationEndpoint endpoint;

	private final CurrentSession currentSession;

	private final Users users;

	AuthorizationPages(AuthorizationEndpoint endpoint, CurrentSession currentSession, Users users) {
		this.endpoint = endpoint;
		this.currentSession = currentSession;
		this.users = users;
	}

	/**
	 * GET or POST {@code /oauth2/authorize} (OpenID Connect Core §3.1.2.1 allows both).
	 */
	Mono<ServerResponse> authorize(ServerRequest request) {
		Mono<MultiValueMap<String, String>> parameters = (request.method() == HttpMethod.POST) ? request.formData()
				: Mono.just(request.queryParams());
		return parameters
			.flatMap((values) -> user(request).flatMap((user) -> this.endpoint.authorize(values, user.orElse(null)))
				.flatMap((decision) -> render(request, decision, HttpStatus.FOUND)));
	}

	/** POST {@code /consent}: the user's answer to the consent page. */
	Mono<ServerResponse> consent(ServerRequest request) {
		return request.formData().flatMap((form) -> {
			MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>(form);
			boolean approved = "approve".equals(form.getFirst(DECISION));
			parameters.remove(DECISION);
			parameters.remove("_csrf");
			return user(request).flatMap((user) -> this.endpoint.consent(parameters, user.orElse(null), approved))
				.flatMap((decision) -> render(request, decision, HttpStatus.SEE_OTHER));
		});
	}

	private Mono<java.util.Optional<EndUserAuthentication>> user(ServerRequest request) {
		return this.currentSession.of(request.exchange())
			.map(AuthorizationPages::authentication)
			.map(java.util.Optional::of)
			.defaultIfEmpty(java.util.Optional.empty());
	}

	static EndUserAuthentication authentication(BrowserSession session) {
		return new EndUserAuthentication(session.userId(), session.id(), session.authTime(), session.amr());
	}

	private Mono<ServerResponse> render(ServerRequest request, AuthorizationDecision decision,
			HttpStatus redirectStatus) {
		if (decision instanceof AuthorizationDecision.Redirect redirect) {
			return ServerResponse.status(redirectStatus).location(redirect.location()).build();
		}
		if (decision instanceof AuthorizationDecision.SignIn signIn) {
			return Pages.seeOther(signInUri(signIn));
		}
		if (decision instanceof AuthorizationDecision.Consent consent) {
			return consentPage(request, consent);
		}
		if (decision instanceof AuthorizationDecision.ChooseOrganization choice) {
			return organizationPage(choice);
		}
		AuthorizationDecision.ErrorPage error = (AuthorizationDecision.ErrorPage) decision;
		return Pages.html(HttpStatus.BAD_REQUEST, Pages.page("Sign-in request not valid", """
				<h1>This sign-in request is not valid</h1>
				<p role="alert" class="alert">%s</p>
				<p>Go back to the application you came from and try again. If this keeps happening,
				tell the application's developers.</p>
				""".formatted(Pages.escape(error.error().description()))));
	}

	static String signInUri(AuthorizationDecision.SignIn signIn) {
		return (signIn.loginHint() != null) ? SignInPage.signInFor(signIn.continueUri(), signIn.loginHint())
				: SignInPage.signInFor(signIn.continueUri());
	}

	private Mono<ServerResponse> consentPage(ServerRequest request, AuthorizationDecision.Consent consent) {
		AuthorizationRequest authorization = consent.request();
		String clientName = authorization.client().registration().getClientName();
		StringBuilder scopes = new StringBuilder();
		for (String scope : authorization.scope().tokens()) {
			scopes.append("<li>")
				.append(Pages.escape(ScopeDescriptions.describe(scope)))
				.append(" <code>")
				.append(Pages.escape(scope))
				.append("</code></li>\n");
		}
		Map<String, String> fields = new LinkedHashMap<>(authorization.parameters().toSingleValueMap());
		return Mono
			.zip(Pages.csrfField(request),
					this.users.findById(consent.user().userId())
						.map((user) -> user.email())
						.defaultIfEmpty(consent.user().userId()))
			.flatMap(
					(both) -> Pages.html(HttpStatus.OK,
							Pages.page("Allow " + clientName, """
									<h1>Allow %1$s to access your account?</h1>
									<p class="lead">Signed in as <strong>%2$s</strong></p>
									<p>%1$s wants to:</p>
									<ul class="scopes">
									%3$s</ul>
									<form method="post" action="%4$s">
									%5$s%6$s<div class="actions">
									<button type="submit" name="decision" value="approve">Allow</button>
									<button type="submit" name="decision" value="deny" class="secondary">Deny</button>
									</div>
									</form>
									<p class="muted">You can change your mind later by signing out everywhere on your
									<a href="%7$s">sessions page</a>.</p>
									""".formatted(Pages.escape(clientName), Pages.escape(both.getT2()), scopes,
									CONSENT_PATH, both.getT1(), Pages.hiddenFields(fields), SessionsPage.PATH)),
							origin(authorization.redirectUri())));
	}

	/**
	 * One link per organization, each the same request with its {@code organization}: a
	 * GET, so the choice needs no form and changes nothing until consent.
	 */
	private Mono<ServerResponse> organizationPage(AuthorizationDecision.ChooseOrganization choice) {
		AuthorizationRequest authorization = choice.request();
		String clientName = authorization.client().registration().getClientName();
		StringBuilder links = new StringBuilder();
		for (Organization organization : choice.organizations()) {
			Map<String, String> parameters = new LinkedHashMap<>(authorization.parameters().toSingleValueMap());
			parameters.put("organization", organization.id());
			UriComponentsBuilder uri = UriComponentsBuilder.fromPath(AuthorizationEndpoint.PATH);
			parameters.keySet().forEach((name) -> uri.queryParam(name, "{" + name + "}"));
			links.append("<li><a class=\"button secondary\" href=\"")
				.append(Pages.escape(uri.encode().buildAndExpand(parameters).toUriString()))
				.append("\">")
				.append(Pages.escape(organization.name()))
				.append("</a></li>\n");
		}
		return Pages.html(HttpStatus.OK, Pages.page("Choose an organization", """
				<h1>Choose an organization</h1>
				<p class="lead">%s will act in the organization you choose.</p>
				<ul class="organizations">
				%s</ul>
				""".formatted(Pages.escape(clientName), links)));
	}

	@Nullable
	static String origin(String uri) {
		URI parsed = URI.create(uri);
		if (parsed.getScheme() == null || parsed.getRawAuthority() == null) {
			return null;
		}
		return parsed.getScheme() + "://" + parsed.getRawAuthority();
	}

}
