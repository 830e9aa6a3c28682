package dev.writ.demo;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.writ.demo.browser.CallbackServer;
import dev.writ.demo.browser.Chromium;

/**
 * A user signed in to demo-web in a real Chromium (the sign-in and consent pages), with
 * the tokens the app holds for them: an access token for sample-api and the admin API,
 * and a refresh token. The access token is renewed with the refresh token when little of
 * its five minutes is left, as an app would, so a long table of requests never meets an
 * expired one.
 */
final class SignedInUser {

	/**
	 * What the app asks for: sample-api's projects, and the admin API within the role.
	 */
	static final Scope SCOPE = new Scope("openid", "offline_access", "read:projects", "write:projects",
			"manage:organization");

	private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(1);

	private final String email;

	private final ThirdPartyApp app;

	private Tokens tokens;

	private SignedInUser(String email, ThirdPartyApp app, Tokens tokens) {
		this.email = email;
		this.app = app;
		this.tokens = tokens;
	}

	/**
	 * Signs {@code email} (password {@code writ-demo-password}) in to demo-web in a fresh
	 * browser, so no earlier session answers for them.
	 */
	static SignedInUser signIn(DemoStack product, CallbackServer callback, String email) {
		ThirdPartyApp app = new ThirdPartyApp(product.authServerUrl(), "demo-web", "demo-web-secret",
				callback.callbackUri(), SCOPE);
		try (Chromium chromium = Chromium.start()) {
			OIDCTokens tokens = ThirdPartyAppJourneyTests.signInAndConsent(chromium, app, callback, email, false);
			return new SignedInUser(email, app, tokens);
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not sign " + email + " in", ex);
		}
	}

	/** A current access token, renewed first if it expires within a minute. */
	synchronized String accessToken() {
		if (claims().getExpirationTime().toInstant().isBefore(Instant.now().plus(RENEW_BEFORE_EXPIRY))) {
			try {
				this.tokens = this.app
					.refreshOk(this.tokens.getRefreshToken(), this.app.metadata().getTokenEndpointURI())
					.getTokens();
			}
			catch (Exception ex) {
				throw new IllegalStateException("could not renew the access token of " + this.email, ex);
			}
		}
		return this.tokens.getAccessToken().getValue();
	}

	/** The claims of the access token held now. */
	synchronized JWTClaimsSet claims() {
		try {
			return SignedJWT.parse(this.tokens.getAccessToken().getValue()).getJWTClaimsSet();
		}
		catch (ParseException ex) {
			throw new IllegalStateException("the access token is not a JWT", ex);
		}
	}

	/** What the token endpoint answers to the refresh token held now. */
	TokenResponse refresh() throws Exception {
		RefreshToken refreshToken;
		synchronized (this) {
			refreshToken = this.tokens.getRefreshToken();
		}
		return this.app.refresh(refreshToken, this.app.metadata().getTokenEndpointURI());
	}

}
