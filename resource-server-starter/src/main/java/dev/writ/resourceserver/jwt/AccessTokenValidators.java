package dev.writ.resourceserver.jwt;

import java.time.Duration;
import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;

/**
 * The claim and header checks for a Writ access token, in the order RFC 9068 §4 lists
 * them. The signature and the algorithm allow-list are checked before these, by
 * {@link SignedJwtVerifier}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9068#section-4">RFC 9068 §4</a>
 */
public final class AccessTokenValidators {

	/**
	 * The media types RFC 9068 §2.1 allows in {@code typ}; an ID token ({@code JWT} or
	 * none) matches neither.
	 */
	static final List<String> ACCESS_TOKEN_TYPES = List.of("at+jwt", "application/at+jwt");

	private AccessTokenValidators() {
	}

	/**
	 * Validators for tokens from {@code issuer} meant for {@code audience}.
	 * @param issuer the exact {@code iss} value
	 * @param audience a value that {@code aud} must contain
	 * @param clockSkew tolerance for {@code exp} and {@code nbf}
	 */
	public static OAuth2TokenValidator<Jwt> create(String issuer, String audience, Duration clockSkew) {
		JwtTimestampValidator timestamps = new JwtTimestampValidator(clockSkew);
		timestamps.setAllowEmptyExpiryClaim(false);
		return new DelegatingOAuth2TokenValidator<>(List.of(
				// §4 step 1: the typ header says it is an access token
				new JwtTypeValidator(ACCESS_TOKEN_TYPES),
				// §4 step 3: the issuer is the one this service trusts, compared exactly
				new JwtIssuerValidator(issuer),
				// §4 step 4: the token is meant for this service
				new JwtAudienceValidator(audience),
				// §4 step 6: not expired, not used before nbf
				timestamps, new RequiredClaimsValidator()));
	}

}
