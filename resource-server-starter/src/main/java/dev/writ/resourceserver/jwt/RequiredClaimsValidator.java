package dev.writ.resourceserver.jwt;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses an access token that lacks a claim RFC 9068 makes mandatory. Without
 * {@code jti} a revocation could not be checked, without {@code client_id} or {@code sub}
 * the principal would be incomplete.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9068#section-2.2">RFC 9068 §2.2</a>
 */
public final class RequiredClaimsValidator implements OAuth2TokenValidator<Jwt> {

	static final List<String> REQUIRED = List.of("iss", "exp", "aud", "sub", "client_id", "iat", "jti");

	@Override
	public OAuth2TokenValidatorResult validate(Jwt token) {
		List<String> missing = new ArrayList<>();
		for (String claim : REQUIRED) {
			if (token.getClaims().get(claim) == null) {
				missing.add(claim);
			}
		}
		if (missing.isEmpty()) {
			return OAuth2TokenValidatorResult.success();
		}
		return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
				"the token lacks the claims " + String.join(", ", missing), null));
	}

}
