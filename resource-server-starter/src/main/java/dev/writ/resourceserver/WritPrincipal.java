package dev.writ.resourceserver;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.StringUtils;

/**
 * The caller as a Writ access token describes it: controllers take it with
 * {@code @AuthenticationPrincipal WritPrincipal caller}, reactive code finds it in
 * {@code ReactiveSecurityContextHolder.getContext()} as the authentication's principal.
 *
 * @param subject the {@code sub} claim: a user id, or the client id for
 * client_credentials tokens
 * @param clientId the {@code client_id} claim: the client the token was issued to
 * @param organization the {@code org} claim, or {@code null} when the token has no
 * organization context
 * @param role the {@code role} claim, or {@code null} when absent or unknown
 * @param scopes the {@code scope} claim split on spaces
 * @param tokenId the {@code jti} claim
 * @param expiresAt the {@code exp} claim
 * @param jwt the validated token with every header and claim
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9068#section-2.2">RFC 9068 §2.2</a>
 */
public record WritPrincipal(String subject, String clientId, @Nullable String organization, @Nullable OrgRole role,
		Set<String> scopes, String tokenId, Instant expiresAt, Jwt jwt) implements AuthenticatedPrincipal {

	static final String CLIENT_ID = "client_id";

	static final String ORGANIZATION = "org";

	static final String ROLE = "role";

	static final String SCOPE = "scope";

	public WritPrincipal {
		scopes = Set.copyOf(scopes);
	}

	/** Reads the principal from a token that the starter's validators have accepted. */
	public static WritPrincipal from(Jwt jwt) {
		return new WritPrincipal(jwt.getSubject(), jwt.getClaimAsString(CLIENT_ID), jwt.getClaimAsString(ORGANIZATION),
				OrgRole.fromClaim(jwt.getClaimAsString(ROLE)), scopes(jwt), jwt.getId(), jwt.getExpiresAt(), jwt);
	}

	private static Set<String> scopes(Jwt jwt) {
		Object claim = jwt.getClaims().get(SCOPE);
		Set<String> scopes = new LinkedHashSet<>();
		if (claim instanceof String value) {
			for (String scope : value.split(" ")) {
				if (StringUtils.hasText(scope)) {
					scopes.add(scope);
				}
			}
		}
		else if (claim instanceof Collection<?> values) {
			// RFC 9068 says a space-separated string; a list is read too rather than
			// silently granting nothing.
			values.forEach((value) -> scopes.add(String.valueOf(value)));
		}
		return scopes;
	}

	public boolean hasScope(String scope) {
		return this.scopes.contains(scope);
	}

	/** Whether the caller acts in an organization with at least {@code required}. */
	public boolean hasRole(OrgRole required) {
		return this.role != null && this.role.includes(required);
	}

	/**
	 * The organization the token was issued for, for code that serves organizations only.
	 * @throws OrganizationRequiredException (a 403 {@code insufficient_scope}) when the
	 * token has no {@code org}
	 */
	public String requireOrganization() {
		if (this.organization == null) {
			throw new OrganizationRequiredException();
		}
		return this.organization;
	}

	@Override
	public String getName() {
		return this.subject;
	}

}
