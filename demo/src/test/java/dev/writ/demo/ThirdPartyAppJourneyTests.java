package dev.writ.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.writ.demo.browser.CallbackServer;
import dev.writ.demo.browser.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user signs in to a third-party app through Writ in a real Chromium: the sign-in page,
 * the consent page, the callback; the app (on the Nimbus SDK) redeems the code, validates
 * the ID token, reads userinfo, and calls sample-api with the access token.
 */
class ThirdPartyAppJourneyTests {

	static final Duration WAIT = Duration.ofSeconds(15);

	/**
	 * Where the pages' pictures go; {@code -Dwrit.screenshots=docs/screenshots} for the
	 * docs.
	 */
	static final Path SCREENSHOTS = Path.of(System.getProperty("writ.screenshots", "target/screenshots"));

	private static DemoStack product;

	private static CallbackServer callback;

	@BeforeAll
	static void start() {
		product = RunningProduct.shared();
		callback = CallbackServer.start();
	}

	@AfterAll
	static void stop() {
		callback.close();
	}

	@Test
	void webAppWhenUserSignsInAndConsentsThenCodeExchangedAndSampleApiAcceptsTheToken() throws Exception {
		ThirdPartyApp app = new ThirdPartyApp(product.authServerUrl(), "demo-web", "demo-web-secret",
				callback.callbackUri());
		try (Chromium chromium = Chromium.start()) {
			OIDCTokens tokens = signInAndConsent(chromium, app, callback, "alice@acme.test", true);
			UserInfo user = app.userInfo(tokens.getBearerAccessToken());
			assertThat(user.getSubject().getValue()).isEqualTo("usr_alice");
			assertThat(user.getEmailAddress()).isEqualTo("alice@acme.test");
			assertThat(user.getName()).isEqualTo("Alice Acme");
			assertThat(tokens.getRefreshToken()).isNotNull();
			projects(tokens.getBearerAccessToken()).expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$[*].organizationId")
				.value((ids) -> assertThat(ids.toString()).contains("org_acme").doesNotContain("org_globex"));
			// Alice owns org_acme: the token carries the role, and billing is for owners.
			billing(tokens.getBearerAccessToken()).expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.organizationId")
				.isEqualTo("org_acme")
				.jsonPath("$.plan")
				.isEqualTo("team");

			chromium.open(product.authServerUrl() + "/account/sessions");
			assertThat(chromium.pageSource()).contains("Where you are signed in").contains("This browser");
			chromium.screenshot(SCREENSHOTS.resolve("sessions.png"), Chromium.DESKTOP_WIDTH);
			chromium.screenshot(SCREENSHOTS.resolve("sessions-mobile.png"), Chromium.MOBILE_WIDTH);
		}
	}

	@Test
	void singlePageAppWhenUserSignsInThenPublicClientRedeemsWithPkceOnly() throws Exception {
		ThirdPartyApp app = new ThirdPartyApp(product.authServerUrl(), "demo-spa", null, callback.callbackUri());
		try (Chromium chromium = Chromium.start()) {
			OIDCTokens tokens = signInAndConsent(chromium, app, callback, "gina@globex.test", false);
			assertThat(app.userInfo(tokens.getBearerAccessToken()).getEmailAddress()).isEqualTo("gina@globex.test");
			projects(tokens.getBearerAccessToken()).expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$[*].organizationId")
				.value((ids) -> assertThat(ids.toString()).doesNotContain("org_acme"));
			// Gina is an admin of org_globex, not an owner.
			billing(tokens.getBearerAccessToken()).expectStatus()
				.isForbidden()
				.expectBody()
				.jsonPath("$.error_description")
				.isEqualTo("this request needs the organization role owner or higher");
		}
	}

	/** Through the sign-in and consent pages to the app's callback. */
	static OIDCTokens signInAndConsent(Chromium chromium, ThirdPartyApp app, CallbackServer callback, String email,
			boolean screenshots) throws Exception {
		return app.redeem(signIn(chromium, app, callback, email, screenshots));
	}

	/** Through the sign-in page, and the consent page if asked; the callback's query. */
	static Map<String, String> signIn(Chromium chromium, ThirdPartyApp app, CallbackServer callback, String email,
			boolean screenshots) {
		chromium.open(app.authorizationRequest().toString());
		chromium.awaitUrl((url) -> url.contains("/login"), WAIT);
		assertThat(chromium.title()).isEqualTo("Sign in · Writ");
		if (screenshots) {
			chromium.screenshot(SCREENSHOTS.resolve("sign-in.png"), Chromium.DESKTOP_WIDTH);
			chromium.screenshot(SCREENSHOTS.resolve("sign-in-mobile.png"), Chromium.MOBILE_WIDTH);
		}
		chromium.fill("Email address", email);
		chromium.fill("Password", "writ-demo-password");
		chromium.click("Sign in");
		// the consent page, or straight back to the app when the user consented before
		String url = chromium.awaitUrl(
				(current) -> current.contains("/oauth2/authorize") || current.startsWith(callback.callbackUri()), WAIT);
		if (url.contains("/oauth2/authorize")) {
			assertThat(chromium.pageSource()).contains("to access your account?");
			assertThat(chromium.pageSource()).contains("See your organization's projects");
			if (screenshots) {
				chromium.screenshot(SCREENSHOTS.resolve("consent.png"), Chromium.DESKTOP_WIDTH);
				chromium.screenshot(SCREENSHOTS.resolve("consent-mobile.png"), Chromium.MOBILE_WIDTH);
			}
			chromium.click("Allow");
		}
		Map<String, String> parameters = callback.awaitCallback(WAIT);
		chromium.awaitUrlStartingWith(callback.callbackUri(), WAIT);
		return parameters;
	}

	static WebTestClient.ResponseSpec billing(BearerAccessToken token) {
		return RunningProduct.client(RunningProduct.shared().sampleApiUrl())
			.get()
			.uri("/billing")
			.headers((headers) -> headers.setBearerAuth(token.getValue()))
			.exchange();
	}

	static WebTestClient.ResponseSpec projects(BearerAccessToken token) {
		return RunningProduct.client(RunningProduct.shared().sampleApiUrl())
			.get()
			.uri("/projects")
			.headers((headers) -> headers.setBearerAuth(token.getValue()))
			.exchange();
	}

}
