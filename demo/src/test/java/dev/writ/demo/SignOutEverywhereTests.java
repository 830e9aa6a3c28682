package dev.writ.demo;

import java.time.Duration;
import java.time.Instant;

import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.writ.demo.browser.CallbackServer;
import dev.writ.demo.browser.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "Sign out everywhere" on the sessions page ends every browser session of the user and
 * every refresh-token family at once, and sample-api refuses the access tokens within a
 * second.
 */
class SignOutEverywhereTests {

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
	void signOutEverywhereWhenClickedThenRefreshTokensDieAndSampleApiRefusesAccessTokensWithinOneSecond()
			throws Exception {
		String email = "adam@acme.test";
		try (Chromium laptop = Chromium.start(); Chromium phone = Chromium.start()) {
			ThirdPartyApp first = new ThirdPartyApp(product.authServerUrl(), "demo-web", "demo-web-secret",
					callback.callbackUri());
			OIDCTokens onLaptop = ThirdPartyAppJourneyTests.signInAndConsent(laptop, first, callback, email, false);
			ThirdPartyApp second = new ThirdPartyApp(product.authServerUrl(), "demo-web", "demo-web-secret",
					callback.callbackUri());
			OIDCTokens onPhone = ThirdPartyAppJourneyTests.signInAndConsent(phone, second, callback, email, false);
			ThirdPartyAppJourneyTests.projects(onLaptop.getBearerAccessToken()).expectStatus().isOk();
			ThirdPartyAppJourneyTests.projects(onPhone.getBearerAccessToken()).expectStatus().isOk();

			laptop.open(product.authServerUrl() + "/account/sessions");
			assertThat(laptop.pageSource()).contains("This browser");
			laptop.click("Sign out everywhere");
			Instant signedOut = Instant.now();
			assertThat(laptop.pageSource()).contains("You are signed out everywhere");

			await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
				ThirdPartyAppJourneyTests.projects(onLaptop.getBearerAccessToken()).expectStatus().isUnauthorized();
				ThirdPartyAppJourneyTests.projects(onPhone.getBearerAccessToken()).expectStatus().isUnauthorized();
			});
			assertThat(Duration.between(signedOut, Instant.now())).isLessThan(Duration.ofSeconds(1));

			assertInvalidGrant(first.refresh(onLaptop.getRefreshToken(), first.metadata().getTokenEndpointURI()));
			assertInvalidGrant(second.refresh(onPhone.getRefreshToken(), second.metadata().getTokenEndpointURI()));

			phone.open(product.authServerUrl() + "/account/sessions");
			phone.awaitUrl((url) -> url.contains("/login"), Duration.ofSeconds(10));
		}
	}

	static void assertInvalidGrant(TokenResponse response) {
		assertThat(response.indicatesSuccess()).isFalse();
		assertThat(((TokenErrorResponse) response).getErrorObject().getCode())
			.as(() -> ((TokenErrorResponse) response).getErrorObject().getHTTPStatusCode() + " "
					+ ((TokenErrorResponse) response).getErrorObject().toJSONObject())
			.isEqualTo("invalid_grant");
	}

}
