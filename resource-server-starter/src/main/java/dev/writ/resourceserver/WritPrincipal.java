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
 * @param role the {@code role} claim, or {@code null} when absent, unknown (an
 * organization's custom role) or without {@code org}
 * @param scopes the {@code scope} claim split on spaces
 * @param tokenId the {@code jti} claim
 * @param expiresAt the {@code exp} claim
 * @param jwt the validated token with every header and claim
 * @param permissions what the caller may do in the organization: the {@code role} claim's
 * permissions by the {@link RolePermissions} mapping, with those of the optional
 * {@code permissions} claim; empty without {@code org}
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9068#section-2.2">RFC 9068 §2.2</a>
 */
public record WritPrincipal(String subject, String clientId, @Nullable String organization, @Nullable OrgRole role,
		Set<String> scopes, String tokenId, Instant expiresAt, Jwt jwt,
		Set<String> permissions) implements AuthenticatedPrincipal {

	static final String CLIENT_ID = "client_id";

	static final String ORGANIZATION = "org";

	static final String ROLE = "role";

	static final String SCOPE = "scope";

	static final String PERMISSIONS = "permissions";

	public WritPrincipal {
		scopes = Set.copyOf(scopes);
		permissions = Set.copyOf(permissions);
	}

	/**
	 * A principal with no permissions beyond its role's, as before permissions existed.
	 */
	public WritPrincipal(String subject, String clientId, @Nullable String organization, @Nullable OrgRole role,
			Set<String> scopes, String tokenId, Instant expiresAt, Jwt jwt) {
		this(subject, clientId, organization, role, scopes, tokenId, expiresAt, jwt, Set.of());
	}

	/**
	 * Reads the principal from a token that the starter's validators have accepted, with
	 * the {@linkplain RolePermissions#defaults() built-in role permissions}.
	 */
	public static WritPrincipal from(Jwt jwt) {
		return from(jwt, RolePermissions.defaults());
	}

	/**
	 * Reads the principal from a token that the starter's validators have accepted, the
	 * role's permissions by {@code rolePermissions}.
	 *
	 * <p>
	 * Role and permissions describe the caller within the token's organization, so a
	 * token without {@code org} has neither, whatever else it carries.
	 */
	public static WritPrincipal from(Jwt jwt, RolePermissions rolePermissions) {
		String organization = jwt.getClaimAsString(ORGANIZATION);
		String role = (organization != null) ? jwt.getClaimAsString(ROLE) : null;
		Set<String> permissions = new LinkedHashSet<>();
		if (organization != null) {
			permissions.addAll(rolePermissions.permissions(role));
			permissions.addAll(claimedPermissions(jwt));
		}
		return new WritPrincipal(jwt.getSubject(), jwt.getClaimAsString(CLIENT_ID), organization,
				OrgRole.fromClaim(role), scopes(jwt), jwt.getId(), jwt.getExpiresAt(), jwt, permissions);
	}

	// Optional: an auth-server that issues custom roles may list their permissions in the
	// token. Anything but a list of strings grants nothing rather than failing the
	// request.
	private static Set<String> claimedPermissions(Jwt jwt) {
		Set<String> permissions = new LinkedHashSet<>();
		if (jwt.getClaims().get(PERMISSIONS) instanceof Collection<?> values) {
			for (Object value : values) {
				if (value instanceof String permission && StringUtils.hasText(permission)) {
					permissions.add(permission.strip());
				}
			}
		}
		return permissions;
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

	/** Whether the caller holds {@code permission} in the token's organization. */
	public boolean hasPermission(String permission) {
		return this.permissions.contains(permission);
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
