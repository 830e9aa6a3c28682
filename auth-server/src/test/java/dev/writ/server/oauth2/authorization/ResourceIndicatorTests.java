package dev.writ.server.oauth2.authorization;

import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import dev.writ.server.test.HttpBrowser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;

import static dev.writ.server.oauth2.authorization.AuthorizationCodeFlowTests.REDIRECT;
import static dev.writ.server.oauth2.authorization.AuthorizationCodeFlowTests.WEB;
import static dev.writ.server.oauth2.authorization.AuthorizationCodeFlowTests.WEB_SECRET;
import static dev.writ.server.oauth2.authorization.AuthorizationCodeFlowTests.authorizeUri;
import static dev.writ.server.oauth2.authorization.AuthorizationCodeFlowTests.code;
import static dev.writ.server.oauth2.authorization.AuthorizationCodeFlowTests.expectError;
import static dev.writ.server.oauth2.authorization.AuthorizationCodeFlowTests.signedIn;
import static dev.writ.server.test.TokenRequests.basic;
import static dev.writ.server.test.TokenRequests.form;
import static dev.writ.server.test.TokenRequests.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 8707 §2.2 in the code and refresh grants: demo-web is registered for sample-api and
 * the admin API, and asks for a token per API, so that neither can replay at the other a
 * token it was sent.
 */
class ResourceIndicatorTests {

	private static final String SAMPLE_API = "http://localhost:8081";

	private static final String ADMIN_API = "http://localhost:9000/admin/api";

	@BeforeAll
	static void start() {
		AuthorizationCodeFlowTests.start();
	}

	@Test
	void codeWhenResourceNamedThenAccessTokenForItAloneAndRefreshReachesTheOther() throws Exception {
		Grant grant = authorize();
		Map<String, Object> tokens = ok(redeem(grant, SAMPLE_API));
		assertThat(audience(tokens)).containsExactly(SAMPLE_API);

		Map<String, Object> admin = ok(refresh((String) tokens.get("refresh_token"), ADMIN_API));
		assertThat(audience(admin)).containsExactly(ADMIN_API);
		// without a resource, the whole grant, as before
		assertThat(audience(ok(refresh((String) admin.get("refresh_token"))))).containsExactly(SAMPLE_API, ADMIN_API);
	}

	@Test
	void codeWhenResourceNotRegisteredThenInvalidTargetAndCodeStillRedeemable() throws Exception {
		Grant grant = authorize();
		expectError(redeem(grant, "https://elsewhere.test/api"), "invalid_target");
		expectError(redeem(grant, "not a uri"), "invalid_target");
		assertThat(audience(ok(redeem(grant)))).containsExactly(SAMPLE_API, ADMIN_API);
	}

	@Test
	void refreshWhenResourceBeyondTheGrantThenInvalidTargetAndRefreshTokenNotSpent() throws Exception {
		Map<String, Object> tokens = ok(redeem(authorize()));
		String refreshToken = (String) tokens.get("refresh_token");
		expectError(refresh(refreshToken, "https://elsewhere.test/api"), "invalid_target");
		assertThat(audience(ok(refresh(refreshToken, SAMPLE_API)))).containsExactly(SAMPLE_API);
	}

	private record Grant(String code, String verifier) {
	}

	private static Grant authorize() {
		String verifier = HttpBrowser.codeVerifier();
		MultiValueMap<String, String> callback = code(signedIn("alice@acme.test"),
				authorizeUri(WEB, "scope", "openid offline_access read:projects", "code_challenge",
						HttpBrowser.s256(verifier), "code_challenge_method", "S256"));
		return new Grant(callback.getFirst("code"), verifier);
	}

	private static WebTestClient.ResponseSpec redeem(Grant grant, String... resources) {
		MultiValueMap<String, String> form = form("grant_type", "authorization_code", "code", grant.code(),
				"redirect_uri", REDIRECT, "code_verifier", grant.verifier());
		form.addAll("resource", List.of(resources));
		return post(AuthorizationCodeFlowTests.client, "/oauth2/token", basic(WEB, WEB_SECRET), form);
	}

	private static WebTestClient.ResponseSpec refresh(String refreshToken, String... resources) {
		MultiValueMap<String, String> form = form("grant_type", "refresh_token", "refresh_token", refreshToken);
		form.addAll("resource", List.of(resources));
		return post(AuthorizationCodeFlowTests.client, "/oauth2/token", basic(WEB, WEB_SECRET), form);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> ok(WebTestClient.ResponseSpec response) {
		return response.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
	}

	private static List<String> audience(Map<String, Object> tokens) throws Exception {
		return SignedJWT.parse((String) tokens.get("access_token")).getJWTClaimsSet().getAudience();
	}

}
