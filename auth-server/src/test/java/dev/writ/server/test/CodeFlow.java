package dev.writ.server.test;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import static dev.writ.server.test.TokenRequests.basic;
import static dev.writ.server.test.TokenRequests.form;
import static dev.writ.server.test.TokenRequests.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization code flow (with PKCE) for a browser that is signed in already, to the
 * loopback redirect URI the demo clients register; approves the consent page if one
 * shows.
 */
public final class CodeFlow {

	public static final String REDIRECT = "http://127.0.0.1:3000/callback";

	private CodeFlow() {
	}

	/**
	 * The token response for the browser's user.
	 * @param organization the {@code organization} parameter, or {@code null}
	 */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> tokens(TestAuthServer server, HttpBrowser browser, String clientId,
			String clientSecret, String scope, String organization) {
		String verifier = HttpBrowser.codeVerifier();
		UriComponentsBuilder authorize = UriComponentsBuilder.fromPath("/oauth2/authorize")
			.queryParam("response_type", "code")
			.queryParam("client_id", clientId)
			.queryParam("redirect_uri", REDIRECT)
			.queryParam("scope", scope)
			.queryParam("code_challenge", HttpBrowser.s256(verifier))
			.queryParam("code_challenge_method", "S256");
		if (organization != null) {
			authorize.queryParam("organization", organization);
		}
		EntityExchangeResult<String> result = browser.get(authorize.build().encode().toUriString());
		if (result.getStatus() == HttpStatus.OK) {
			result = browser.submit(result.getResponseBody(), "/consent", "decision", "approve");
		}
		assertThat(result.getStatus().is3xxRedirection()).isTrue();
		MultiValueMap<String, String> callback = UriComponentsBuilder.fromUri(HttpBrowser.location(result))
			.build()
			.getQueryParams();
		return post(server.client(), "/oauth2/token", basic(clientId, clientSecret),
				form("grant_type", "authorization_code", "code", callback.getFirst("code"), "redirect_uri", REDIRECT,
						"code_verifier", verifier))
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

}
