package dev.writ.demo;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.writ.demo.browser.CallbackServer;
import dev.writ.demo.browser.Chromium;
import dev.writ.devstack.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two auth-server nodes on one PostgreSQL and one Redis behave as one server: sign in at
 * one and redeem the code at the other, rotate the refresh token alternating between
 * them, revoke at one and be refused through the other and by sample-api.
 */
class TwoNodeTests {

	private static DemoStack product;

	private static ConfigurableApplicationContext nodeB;

	private static String nodeBUrl;

	private static CallbackServer callback;

	@BeforeAll
	static void start() {
		product = RunningProduct.shared();
		int port = FreePorts.find();
		nodeB = product.startAuthServerNode(port);
		nodeBUrl = "http://localhost:" + port;
		callback = CallbackServer.start();
	}

	@AfterAll
	static void stop() {
		callback.close();
		nodeB.close();
	}

	@Test
	void codeFlowWhenSpreadOverTwoNodesThenOneServer() throws Exception {
		String nodeAUrl = product.authServerUrl();
		ThirdPartyApp app = new ThirdPartyApp(nodeAUrl, "demo-web", "demo-web-secret", callback.callbackUri());
		URI tokenAtA = app.metadata().getTokenEndpointURI();
		URI tokenAtB = ThirdPartyApp.onNode(tokenAtA, nodeBUrl);
		try (Chromium chromium = Chromium.start()) {
			// sign in at node A (the app's authorization request goes there) ...
			Map<String, String> callbackQuery = ThirdPartyAppJourneyTests.signIn(chromium, app, callback,
					"gina@globex.test", false);
			// ... and redeem the code at node B
			OIDCTokens tokens = app.redeem(callbackQuery, tokenAtB);

			RefreshToken refreshToken = tokens.getRefreshToken();
			OIDCTokenResponse latest = null;
			for (URI node : new URI[] { tokenAtA, tokenAtB, tokenAtA, tokenAtB }) {
				latest = app.refreshOk(refreshToken, node);
				assertThat(latest.getTokens().getRefreshToken()).isNotEqualTo(refreshToken);
				refreshToken = latest.getTokens().getRefreshToken();
			}
			String accessToken = latest.getTokens().getBearerAccessToken().getValue();
			ThirdPartyAppJourneyTests.projects(latest.getTokens().getBearerAccessToken()).expectStatus().isOk();

			// revoke at node A: refused through node B, and by sample-api
			app.revoke(refreshToken, URI.create(nodeAUrl + "/oauth2/revoke"));
			SignOutEverywhereTests.assertInvalidGrant(app.refresh(refreshToken, tokenAtB));
			await().atMost(Duration.ofSeconds(1))
				.pollInterval(Duration.ofMillis(20))
				.untilAsserted(() -> ThirdPartyAppJourneyTests.projects(new BearerAccessToken(accessToken))
					.expectStatus()
					.isUnauthorized());
		}
	}

}
