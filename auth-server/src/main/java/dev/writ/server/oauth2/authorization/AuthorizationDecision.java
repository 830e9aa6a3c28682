package dev.writ.server.oauth2.authorization;

import java.net.URI;
import java.util.List;

import dev.writ.server.org.Organization;
import dev.writ.server.protocol.OAuth2Exception;

import org.springframework.lang.Nullable;

/**
 * What the authorization endpoint decided, for the web layer to carry out: the explicit
 * states of sign-in and consent, or the end of the request.
 */
public sealed interface AuthorizationDecision {

	/** Back to the client, with a code or an error (RFC 6749 §4.1.2). */
	record Redirect(URI location) implements AuthorizationDecision {
	}

	/** An error only the user may see: the client or its redirect URI is not trusted. */
	record ErrorPage(OAuth2Exception error) implements AuthorizationDecision {
	}

	/**
	 * The user must sign in, then resume the request at {@code continueUri} (a path on
	 * this server).
	 */
	record SignIn(String continueUri, @Nullable String loginHint) implements AuthorizationDecision {
	}

	/**
	 * The user belongs to several organizations and must choose which one the tokens
	 * speak for; each choice resumes the request with its {@code organization}.
	 */
	record ChooseOrganization(AuthorizationRequest request,
			List<Organization> organizations) implements AuthorizationDecision {

		public ChooseOrganization {
			organizations = List.copyOf(organizations);
		}

	}

	/** The user must allow the client the scope of {@code request}. */
	record Consent(AuthorizationRequest request, EndUserAuthentication user) implements AuthorizationDecision {
	}

}
