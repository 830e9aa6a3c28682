package dev.writ.server.oauth2.authorization;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.function.Function;

import dev.writ.server.WritProperties;
import dev.writ.server.consent.Consents;
import dev.writ.server.org.Memberships;
import dev.writ.server.org.OrganizationRole;
import dev.writ.server.org.Organizations;
import dev.writ.server.protocol.OAuth2Exception;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;

/**
 * The authorization endpoint (RFC 6749 §3.1, OpenID Connect Core §3.1.2): decides, for a
 * request and the browser's sign-in, whether the user must sign in, must consent, or can
 * be sent back to the client with a code. Rendering the pages is the web layer's job.
 */
@Component
public final class AuthorizationEndpoint {

	public static final String PATH = "/oauth2/authorize";

	private final AuthorizationRequestValidator validator;

	private final Consents consents;

	private final AuthorizationCodes codes;

	private final String issuer;

	private final Clock clock;

	private final Memberships memberships;

	private final Organizations organizations;

	AuthorizationEndpoint(AuthorizationRequestValidator validator, Consents consents, AuthorizationCodes codes,
			WritProperties properties, Clock clock, Memberships memberships, Organizations organizations) {
		this.memberships = memberships;
		this.organizations = organizations;
		this.validator = validator;
		this.consents = consents;
		this.codes = codes;
		this.issuer = properties.issuer().toString();
		this.clock = clock;
	}

	/**
	 * Decides an authorization request.
	 * @param parameters the request's query (GET) or form (POST) parameters
	 * @param user the browser's signed-in user, or {@code null}
	 */
	public Mono<AuthorizationDecision> authorize(MultiValueMap<String, String> parameters,
			@Nullable EndUserAuthentication user) {
		return decide(parameters, (request) -> authorize(request, user));
	}

	/**
	 * Carries out the user's answer on the consent page, for the request the page showed.
	 */
	public Mono<AuthorizationDecision> consent(MultiValueMap<String, String> parameters,
			@Nullable EndUserAuthentication user, boolean approved) {
		return decide(parameters, (request) -> {
			if (user == null) {
				return Mono.just(signIn(request));
			}
			if (!approved) {
				return Mono.just(toClient(request, OAuth2Exception.accessDenied("the user denied the request")));
			}
			return organization(request, user).flatMap((choice) -> {
				if (choice.decision() != null) {
					return Mono.just(choice.decision());
				}
				return this.consents.grant(user.userId(), request.client().clientId(), request.scope())
					.then(Mono.defer(() -> issueCode(request, user, choice.organizationId())));
			});
		});
	}

	/**
	 * Where a request's response will go, once its client and redirect URI check out;
	 * empty when they do not.
	 */
	public Mono<String> redirectUri(MultiValueMap<String, String> parameters) {
		return this.validator.validate(parameters)
			.map(AuthorizationRequest::redirectUri)
			.onErrorResume(AuthorizationError.class, (error) -> Mono.justOrEmpty(error.redirectUri()));
	}

	private Mono<AuthorizationDecision> decide(MultiValueMap<String, String> parameters,
			Function<AuthorizationRequest, Mono<AuthorizationDecision>> decision) {
		return this.validator.validate(parameters)
			.flatMap(decision)
			.onErrorResume(AuthorizationError.class,
					(error) -> Mono.just((error.redirectUri() != null)
							? new AuthorizationDecision.Redirect(AuthorizationResponse.error(error.redirectUri(),
									error.error(), error.state(), this.issuer))
							: new AuthorizationDecision.ErrorPage(error.error())));
	}

	private Mono<AuthorizationDecision> authorize(AuthorizationRequest request, @Nullable EndUserAuthentication user) {
		Set<Prompt> prompts = request.prompts();
		if (user == null || prompts.contains(Prompt.LOGIN) || tooOld(user, request)) {
			// OpenID Connect Core §3.1.2.3: prompt=none never shows a page
			return Mono.just(prompts.contains(Prompt.NONE)
					? toClient(request, OAuth2Exception.loginRequired("the user is not signed in")) : signIn(request));
		}
		return organization(request, user).flatMap((choice) -> {
			if (choice.decision() != null) {
				return Mono.just(choice.decision());
			}
			return consentNeeded(request, user).flatMap((needed) -> {
				if (!needed) {
					return issueCode(request, user, choice.organizationId());
				}
				return Mono.just(prompts.contains(Prompt.NONE)
						? toClient(request, OAuth2Exception.consentRequired("the user has not consented"))
						: new AuthorizationDecision.Consent(request, user));
			});
		});
	}

	/**
	 * The organization the tokens will speak for: the one the request names, which the
	 * user must belong to; else the user's only one; else the user chooses. A user in no
	 * organization gets tokens without {@code org}.
	 */
	private Mono<OrganizationChoice> organization(AuthorizationRequest request, EndUserAuthentication user) {
		return this.memberships.findByUserId(user.userId()).collectList().flatMap((memberships) -> {
			String requested = request.organization();
			if (requested != null) {
				boolean member = memberships.stream().anyMatch((m) -> m.organizationId().equals(requested));
				return Mono.just(member ? OrganizationChoice.of(requested)
						: OrganizationChoice.decided(toClient(request, OAuth2Exception
							.accessDenied("the user is not a member of the organization '" + requested + "'"))));
			}
			if (memberships.size() <= 1) {
				return Mono
					.just(OrganizationChoice.of(memberships.isEmpty() ? null : memberships.get(0).organizationId()));
			}
			if (request.prompts().contains(Prompt.NONE)) {
				return Mono.just(OrganizationChoice.decided(toClient(request,
						OAuth2Exception.interactionRequired("the user must choose an organization"))));
			}
			return this.organizations.findAllById(memberships.stream().map(OrganizationRole::organizationId).toList())
				.collectList()
				.map((all) -> OrganizationChoice.decided(new AuthorizationDecision.ChooseOrganization(request, all)));
		});
	}

	/** Either an organization (or none) to go on with, or a decision that ends here. */
	private record OrganizationChoice(@Nullable String organizationId, @Nullable AuthorizationDecision decision) {

		static OrganizationChoice of(@Nullable String organizationId) {
			return new OrganizationChoice(organizationId, null);
		}

		static OrganizationChoice decided(AuthorizationDecision decision) {
			return new OrganizationChoice(null, decision);
		}

	}

	/** OpenID Connect Core §3.1.2.1: {@code max_age} bounds the age of the sign-in. */
	private boolean tooOld(EndUserAuthentication user, AuthorizationRequest request) {
		return request.maxAge() != null && user.authTime().plus(request.maxAge()).isBefore(this.clock.instant());
	}

	private Mono<Boolean> consentNeeded(AuthorizationRequest request, EndUserAuthentication user) {
		if (!request.client().registration().getClientSettings().isRequireAuthorizationConsent()) {
			return Mono.just(false);
		}
		if (request.prompts().contains(Prompt.CONSENT)) {
			return Mono.just(true);
		}
		return this.consents.granted(user.userId(), request.client().clientId())
			.map((granted) -> !granted.containsAll(request.scope()));
	}

	private Mono<AuthorizationDecision> issueCode(AuthorizationRequest request, EndUserAuthentication user,
			@Nullable String organizationId) {
		Instant now = this.clock.instant();
		CodeAuthorization authorization = new CodeAuthorization(request.client().clientId(), request.redirectUri(),
				request.redirectUriGiven(), request.codeChallenge(), request.scope().toString(), request.nonce(),
				user.userId(), user.sessionId(), user.authTime(), user.amr(), now, organizationId);
		return this.codes.issue(authorization)
			.map((code) -> new AuthorizationDecision.Redirect(
					AuthorizationResponse.code(request.redirectUri(), code, request.state(), this.issuer)));
	}

	private AuthorizationDecision toClient(AuthorizationRequest request, OAuth2Exception error) {
		return new AuthorizationDecision.Redirect(
				AuthorizationResponse.error(request.redirectUri(), error, request.state(), this.issuer));
	}

	/**
	 * Signs in, then resumes the request without what asked for the sign-in: a fresh
	 * sign-in satisfies {@code prompt=login} and any {@code max_age}, and asking again
	 * would loop.
	 */
	private static AuthorizationDecision signIn(AuthorizationRequest request) {
		MultiValueMap<String, String> resumed = new LinkedMultiValueMap<>(request.parameters());
		resumed.remove("max_age");
		resumed.remove("prompt");
		Set<Prompt> prompts = request.prompts();
		if (prompts.contains(Prompt.CONSENT)) {
			resumed.add("prompt", Prompt.CONSENT.value());
		}
		UriComponentsBuilder continueUri = UriComponentsBuilder.fromPath(PATH);
		resumed.forEach((name, values) -> values.forEach((value) -> continueUri.queryParam(name, "{" + name + "}")));
		return new AuthorizationDecision.SignIn(
				continueUri.encode().buildAndExpand(resumed.toSingleValueMap()).toUriString(), request.loginHint());
	}

}
