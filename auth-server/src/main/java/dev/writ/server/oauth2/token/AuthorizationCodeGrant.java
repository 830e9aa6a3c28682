package dev.writ.server.oauth2.token;

import java.util.List;
import java.util.Optional;

import dev.writ.server.client.Client;
import dev.writ.server.client.authentication.AuthenticatedClient;
import dev.writ.server.oauth2.authorization.AuthorizationCodes;
import dev.writ.server.oauth2.authorization.CodeAuthorization;
import dev.writ.server.oauth2.authorization.CodeRedemption;
import dev.writ.server.oauth2.authorization.ProofKey;
import dev.writ.server.protocol.FormParameters;
import dev.writ.server.protocol.OAuth2Exception;
import dev.writ.server.token.IssuedAccessToken;
import dev.writ.server.token.IssuedRefreshToken;
import dev.writ.server.token.RefreshTokenFamilies;
import dev.writ.server.token.RevocationList;

import org.springframework.lang.Nullable;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The authorization code grant's token request (RFC 6749 §4.1.3, RFC 7636 §4.5): redeem
 * the code once, check that this client, redirect URI and code verifier are the ones it
 * was issued for, and issue the user's tokens. A second use of a code revokes what the
 * first one gave (§4.1.2).
 */
@Component
final class AuthorizationCodeGrant implements GrantHandler {

	private final AuthorizationCodes codes;

	private final UserTokens userTokens;

	private final RefreshTokenIssuance refreshTokens;

	private final RefreshTokenFamilies families;

	private final RevocationList revocationList;

	AuthorizationCodeGrant(AuthorizationCodes codes, UserTokens userTokens, RefreshTokenIssuance refreshTokens,
			RefreshTokenFamilies families, RevocationList revocationList) {
		this.codes = codes;
		this.userTokens = userTokens;
		this.refreshTokens = refreshTokens;
		this.families = families;
		this.revocationList = revocationList;
	}

	@Override
	public AuthorizationGrantType grantType() {
		return AuthorizationGrantType.AUTHORIZATION_CODE;
	}

	@Override
	public Mono<AccessTokenResponse> grant(AuthenticatedClient client, FormParameters parameters) {
		String code = parameters.require(OAuth2ParameterNames.CODE);
		// RFC 8707 §2.2: checked before the code is spent, so a bad resource does not
		// cost
		// it; the grant covers every audience the client is registered for
		List<String> audiences = ResourceIndicators.audiences(parameters.all(ResourceIndicators.RESOURCE),
				client.client().tokenAudiences(), client.client().tokenAudiences());
		return this.codes.redeem(code, client.client().clientId()).flatMap((redemption) -> {
			if (redemption instanceof CodeRedemption.Redeemed redeemed) {
				return issue(client.client(), code, redeemed.authorization(), parameters, audiences);
			}
			if (redemption instanceof CodeRedemption.Replayed replayed) {
				return revoke(replayed)
					.then(Mono.error(OAuth2Exception.invalidGrant("the authorization code was already used")));
			}
			return Mono.error(OAuth2Exception.invalidGrant("the authorization code is invalid or expired"));
		});
	}

	private Mono<AccessTokenResponse> issue(Client client, String code, CodeAuthorization authorization,
			FormParameters parameters, List<String> audiences) {
		// §4.1.3: the same redirect_uri as in the authorization request, if it had one
		String redirectUri = parameters.get(OAuth2ParameterNames.REDIRECT_URI);
		if (authorization.redirectUriGiven() ? !authorization.redirectUri().equals(redirectUri)
				: (redirectUri != null && !authorization.redirectUri().equals(redirectUri))) {
			return Mono.error(OAuth2Exception.invalidGrant("redirect_uri does not match the authorization request"));
		}
		String verifier = parameters.get(PkceParameterNames.CODE_VERIFIER);
		if (authorization.codeChallenge() != null) {
			if (!ProofKey.verifies(verifier, authorization.codeChallenge())) {
				return Mono.error(OAuth2Exception.invalidGrant("the code_verifier does not match the code_challenge"));
			}
		}
		else if (verifier != null) {
			// RFC 9700 §2.1.1: a verifier for a code issued without a challenge is a
			// downgrade attempt
			return Mono.error(OAuth2Exception.invalidGrant("the authorization request had no code_challenge"));
		}
		UserTokens.UserGrant grant = new UserTokens.UserGrant(authorization.userId(), authorization.grantedScope(),
				client.tokenAudiences(), authorization.sessionId(), authorization.authTime(), authorization.amr(),
				authorization.nonce(), authorization.organizationId());
		// the refresh-token family keeps the whole grant; this access token is for the
		// resources asked for
		return this.userTokens.activeUser(authorization.userId())
			.then(this.userTokens.issue(client, grant.forAudiences(audiences)))
			.flatMap((issued) -> this.refreshTokens.start(client, grant, issued)
				.map(Optional::of)
				.defaultIfEmpty(Optional.empty())
				.flatMap((refreshToken) -> record(code, issued, refreshToken.orElse(null))));
	}

	/**
	 * Notes on the code what it gave, for a replay to revoke; a replay that came in
	 * meanwhile gets this response revoked too.
	 */
	private Mono<AccessTokenResponse> record(String code, UserTokens.Issued issued,
			@Nullable IssuedRefreshToken refreshToken) {
		String family = (refreshToken != null) ? refreshToken.familyId() : null;
		IssuedAccessToken accessToken = issued.accessToken();
		return this.codes.recordIssued(code, family, accessToken.tokenId(), accessToken.expiresAt())
			.flatMap((recorded) -> recorded
					? Mono.just(new AccessTokenResponse(accessToken,
							(refreshToken != null) ? refreshToken.value() : null, issued.idToken()))
					: revoke(new CodeRedemption.Replayed(family, accessToken.tokenId(), accessToken.expiresAt()))
						.then(Mono.error(OAuth2Exception.invalidGrant("the authorization code was used twice"))));
	}

	/** RFC 6749 §4.1.2: revoke every token the code gave. */
	private Mono<Void> revoke(CodeRedemption.Replayed replayed) {
		Mono<Void> family = (replayed.refreshTokenFamily() != null)
				? this.families.revokeFamily(replayed.refreshTokenFamily()) : Mono.empty();
		Mono<Void> accessToken = (replayed.accessTokenId() != null)
				? this.revocationList.revoke(replayed.accessTokenId(), replayed.accessTokenExpiresAt()) : Mono.empty();
		return family.then(accessToken);
	}

}
