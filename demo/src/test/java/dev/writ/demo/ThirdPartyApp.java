package dev.writ.demo;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A third-party application built on the Nimbus OAuth 2.0 SDK, as a relying party would
 * be: it discovers the server, starts an authorization request with PKCE and a nonce,
 * redeems the code, validates the ID token against the JWKS, and reads userinfo. The
 * token endpoint may be another node's than the authorization endpoint.
 */
final class ThirdPartyApp {

	static final Scope SCOPE = new Scope("openid", "profile", "email", "offline_access", "read:projects");

	private final OIDCProviderMetadata metadata;

	private final ClientID clientId;

	private final ClientAuthentication authentication;

	private final URI redirectUri;

	private final Scope scope;

	private final CodeVerifier verifier = new CodeVerifier();

	private final Nonce nonce = new Nonce();

	private final State state = new State();

	/**
	 * @param issuer the server's issuer, whose discovery document the app reads
	 * @param secret the client secret, or {@code null} for a public client
	 */
	ThirdPartyApp(String issuer, String clientId, String secret, String redirectUri) {
		this(issuer, clientId, secret, redirectUri, SCOPE);
	}

	/**
	 * @param issuer the server's issuer, whose discovery document the app reads
	 * @param secret the client secret, or {@code null} for a public client
	 * @param scope what the app asks for
	 */
	ThirdPartyApp(String issuer, String clientId, String secret, String redirectUri, Scope scope) {
		try {
			this.metadata = OIDCProviderMetadata.resolve(new Issuer(issuer));
		}
		catch (Exception ex) {
			throw new IllegalStateException("discovery failed at " + issuer, ex);
		}
		this.clientId = new ClientID(clientId);
		this.authentication = (secret != null) ? new ClientSecretBasic(this.clientId, new Secret(secret)) : null;
		this.redirectUri = URI.create(redirectUri);
		this.scope = scope;
	}

	OIDCProviderMetadata metadata() {
		return this.metadata;
	}

	/** Where the app sends the browser to sign in. */
	URI authorizationRequest() {
		return new AuthenticationRequest.Builder(ResponseType.CODE, this.scope, this.clientId, this.redirectUri)
			.state(this.state)
			.nonce(this.nonce)
			.codeChallenge(this.verifier, CodeChallengeMethod.S256)
			.endpointURI(this.metadata.getAuthorizationEndpointURI())
			.build()
			.toURI();
	}

	/**
	 * Checks the callback (state, RFC 9207 iss) and redeems its code at
	 * {@code tokenEndpoint}; validates the ID token.
	 */
	OIDCTokens redeem(Map<String, String> callback, URI tokenEndpoint) throws Exception {
		assertThat(callback).containsEntry("state", this.state.getValue())
			.containsEntry("iss", this.metadata.getIssuer().getValue())
			.doesNotContainKey("error");
		AuthorizationGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(callback.get("code")),
				this.redirectUri, this.verifier);
		OIDCTokens tokens = ((OIDCTokenResponse) tokens(grant, tokenEndpoint).toSuccessResponse()).getOIDCTokens();
		IDTokenValidator validator = new IDTokenValidator(this.metadata.getIssuer(), this.clientId, JWSAlgorithm.RS256,
				this.metadata.getJWKSetURI().toURL());
		IDTokenClaimsSet claims = validator.validate(tokens.getIDToken(), this.nonce);
		assertThat(claims.getAuthenticationTime()).isNotNull();
		return tokens;
	}

	OIDCTokens redeem(Map<String, String> callback) throws Exception {
		return redeem(callback, this.metadata.getTokenEndpointURI());
	}

	/** A refresh at {@code tokenEndpoint}: the new tokens, or the error response. */
	TokenResponse refresh(RefreshToken refreshToken, URI tokenEndpoint) throws IOException, ParseException {
		TokenRequest request = (this.authentication != null)
				? new TokenRequest(tokenEndpoint, this.authentication, new RefreshTokenGrant(refreshToken))
				: new TokenRequest(tokenEndpoint, this.clientId, new RefreshTokenGrant(refreshToken));
		return OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
	}

	OIDCTokenResponse refreshOk(RefreshToken refreshToken, URI tokenEndpoint) throws Exception {
		TokenResponse response = refresh(refreshToken, tokenEndpoint);
		assertThat(response.indicatesSuccess()).as(() -> error(response)).isTrue();
		return (OIDCTokenResponse) response.toSuccessResponse();
	}

	/** RFC 7009 at {@code revocationEndpoint}. */
	void revoke(RefreshToken refreshToken, URI revocationEndpoint) throws IOException {
		int status = new TokenRevocationRequest(revocationEndpoint, this.authentication, refreshToken).toHTTPRequest()
			.send()
			.getStatusCode();
		assertThat(status).isEqualTo(200);
	}

	UserInfo userInfo(BearerAccessToken accessToken) throws Exception {
		UserInfoResponse response = UserInfoResponse
			.parse(new UserInfoRequest(this.metadata.getUserInfoEndpointURI(), accessToken).toHTTPRequest().send());
		assertThat(response.indicatesSuccess()).isTrue();
		return response.toSuccessResponse().getUserInfo();
	}

	/** The same endpoint's path on another node of the server. */
	static URI onNode(URI endpoint, String nodeBaseUrl) {
		return URI.create(nodeBaseUrl + endpoint.getRawPath());
	}

	private TokenResponse tokens(AuthorizationGrant grant, URI tokenEndpoint) throws IOException, ParseException {
		TokenRequest request = (this.authentication != null)
				? new TokenRequest(tokenEndpoint, this.authentication, grant)
				: new TokenRequest(tokenEndpoint, this.clientId, grant);
		TokenResponse response = OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
		assertThat(response.indicatesSuccess()).as(() -> error(response)).isTrue();
		return response;
	}

	private static String error(TokenResponse response) {
		return response.indicatesSuccess() ? ""
				: ((TokenErrorResponse) response).getErrorObject().toJSONObject().toString();
	}

}
