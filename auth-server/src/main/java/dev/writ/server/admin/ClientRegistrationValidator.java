package dev.writ.server.admin;

import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.jspecify.annotations.Nullable;

/**
 * The rules a client registration must keep, each a small step naming the RFC it comes
 * from, checked in the order of the registration's members. Every broken rule is
 * reported, as an {@link AdminProblem.FieldError} whose pointer names the member, so an
 * administrator fixes them all in one go.
 *
 * <p>
 * What it decides beyond the RFCs: only the grants OAuth 2.1 keeps
 * ({@code authorization_code}, {@code refresh_token}, {@code client_credentials});
 * refresh tokens only for clients that act for users (RFC 6749 §4.4.3 advises against
 * them for client_credentials); redirect URIs over https, or over http to a loopback IP
 * literal for native apps (RFC 8252 §7.3, {@code localhost} excluded as §8.3 advises);
 * identity scopes only for clients that act for users. What the administrator may give is
 * {@link ClientAdministrator}'s business, checked once the registration is valid.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7591#section-2">RFC 7591 §2</a>
 */
final class ClientRegistrationValidator {

	static final String AUTHORIZATION_CODE = "authorization_code";

	static final String REFRESH_TOKEN = "refresh_token";

	static final String CLIENT_CREDENTIALS = "client_credentials";

	static final String NONE = "none";

	static final String PRIVATE_KEY_JWT = "private_key_jwt";

	/** The methods a client authenticates with a secret by. */
	static final Set<String> SECRET_METHODS = Set.of("client_secret_basic", "client_secret_post");

	private static final List<String> GRANT_TYPES = List.of(AUTHORIZATION_CODE, REFRESH_TOKEN, CLIENT_CREDENTIALS);

	private static final List<String> METHODS = List.of("client_secret_basic", "client_secret_post", PRIVATE_KEY_JWT,
			NONE);

	/** OAuth 2.1 §10.1 and §10.2 removed these. */
	private static final Set<String> REMOVED_GRANT_TYPES = Set.of("implicit", "password");

	/** OpenID Connect Core §5.4 and §11: about the user, so meaningless without one. */
	private static final Set<String> USER_SCOPES = Set.of("openid", "profile", "email", "address", "phone",
			"offline_access");

	private static final List<String> ROLES = List.of("owner", "admin", "member");

	/** {@code scope-token = 1*( %x21 / %x23-5B / %x5D-7E )} from RFC 6749 §3.3. */
	private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

	/** RFC 7591 leaves the name's length open; a consent page has room for this much. */
	static final int MAX_NAME_LENGTH = 200;

	/**
	 * Enough for any real client, few enough that one registration cannot make every
	 * authorization request compare thousands of URIs.
	 */
	static final int MAX_ENTRIES = 100;

	/**
	 * The longest refresh-token lifetime a client may have: a user signs in at least once
	 * a year, which also keeps the value within the database's integer seconds.
	 */
	static final Duration MAX_REFRESH_TOKEN_TIME_TO_LIVE = Duration.ofDays(365);

	private final Duration maxAccessTokenTimeToLive;

	/**
	 * @param maxAccessTokenTimeToLive {@code writ.token.max-access-token-time-to-live}
	 */
	ClientRegistrationValidator(Duration maxAccessTokenTimeToLive) {
		this.maxAccessTokenTimeToLive = maxAccessTokenTimeToLive;
	}

	/**
	 * The registration as it is to be stored: an organization administrator's client
	 * belongs to their organization, in the {@code member} role unless it names another;
	 * a client in an organization defaults to {@code member}.
	 * @throws ClientValidationException with every broken rule
	 */
	ClientRegistration validate(ClientRegistration registration, ClientAdministrator administrator) {
		ClientRegistration client = withOrganizationDefaults(registration, administrator);
		List<AdminProblem.FieldError> errors = new ArrayList<>();
		name(client, errors);
		Set<String> grants = grantTypes(client, errors);
		authMethod(client, grants, errors);
		redirectUris(client, grants, errors);
		scopes(client, grants, errors);
		uris("#/audiences", client.audiences(), ClientUris::audienceProblem, errors);
		organization(client, errors);
		lifetimes(client, grants, errors);
		keys(client, errors);
		if (!errors.isEmpty()) {
			throw new ClientValidationException(errors);
		}
		return client;
	}

	private static ClientRegistration withOrganizationDefaults(ClientRegistration registration,
			ClientAdministrator administrator) {
		String organization = registration.organization();
		if (organization == null && !administrator.isPlatform()) {
			organization = administrator.organizationId();
		}
		String role = registration.organizationRole();
		if (organization != null && role == null) {
			role = "member";
		}
		return registration.toBuilder().organization(organization, role).build();
	}

	private static void name(ClientRegistration client, List<AdminProblem.FieldError> errors) {
		if (client.name() == null || client.name().isBlank()) {
			errors.add(error("#/name", "must not be blank"));
		}
		else if (client.name().length() > MAX_NAME_LENGTH) {
			errors.add(error("#/name", "must be at most " + MAX_NAME_LENGTH + " characters"));
		}
	}

	/** The valid grant types named; each other one is an error. */
	private static Set<String> grantTypes(ClientRegistration client, List<AdminProblem.FieldError> errors) {
		Set<String> grants = new LinkedHashSet<>();
		if (client.grantTypes().isEmpty()) {
			errors.add(error("#/grantTypes", "must name at least one grant type"));
			return grants;
		}
		for (int i = 0; i < client.grantTypes().size(); i++) {
			String grant = client.grantTypes().get(i);
			if (grant != null && GRANT_TYPES.contains(grant)) {
				grants.add(grant);
			}
			else if (grant != null && REMOVED_GRANT_TYPES.contains(grant)) {
				errors.add(error("#/grantTypes/" + i,
						"the " + grant + " grant is not allowed: OAuth 2.1" + " removed it (RFC 9700 §2.4, §2.1.2)"));
			}
			else {
				errors.add(error("#/grantTypes/" + i, "must be one of " + String.join(", ", GRANT_TYPES)));
			}
		}
		// RFC 6749 §4.4.3: no refresh token for client_credentials; the user grant is
		// the only one whose refresh tokens Writ issues.
		if (grants.contains(REFRESH_TOKEN) && !grants.contains(AUTHORIZATION_CODE)) {
			errors.add(error("#/grantTypes",
					"refresh_token needs authorization_code: only a user's grant gets refresh tokens"));
		}
		return grants;
	}

	private static void authMethod(ClientRegistration client, Set<String> grants,
			List<AdminProblem.FieldError> errors) {
		String method = client.tokenEndpointAuthMethod();
		if (method == null || !METHODS.contains(method)) {
			errors.add(error("#/tokenEndpointAuthMethod", "must be one of " + String.join(", ", METHODS)));
			return;
		}
		if (NONE.equals(method)) {
			// RFC 6749 §4.4: "MUST only be used by confidential clients"
			if (grants.contains(CLIENT_CREDENTIALS)) {
				errors.add(error("#/grantTypes",
						"client_credentials needs a confidential client (RFC 6749 §4.4), not token endpoint"
								+ " authentication 'none'"));
			}
			// RFC 9700 §2.1.1: public clients MUST use PKCE
			if (!client.requirePkce()) {
				errors.add(error("#/requirePkce", "must be true for a public client (RFC 9700 §2.1.1)"));
			}
		}
	}

	private static void redirectUris(ClientRegistration client, Set<String> grants,
			List<AdminProblem.FieldError> errors) {
		// RFC 6749 §3.1.2.2 and OAuth 2.1 §2.3.1: every client of the code flow registers
		// its redirect URIs; nothing else may have any.
		if (grants.contains(AUTHORIZATION_CODE)) {
			if (client.redirectUris().isEmpty()) {
				errors.add(error("#/redirectUris",
						"authorization_code needs at least one redirect URI (RFC 6749 §3.1.2.2)"));
			}
			uris("#/redirectUris", client.redirectUris(), ClientUris::redirectUriProblem, errors);
			uris("#/postLogoutRedirectUris", client.postLogoutRedirectUris(), ClientUris::redirectUriProblem, errors);
			return;
		}
		if (!client.redirectUris().isEmpty()) {
			errors.add(error("#/redirectUris", "only a client with the authorization_code grant has any"));
		}
		if (!client.postLogoutRedirectUris().isEmpty()) {
			errors.add(error("#/postLogoutRedirectUris", "only a client with the authorization_code grant has any"));
		}
	}

	private static void scopes(ClientRegistration client, Set<String> grants, List<AdminProblem.FieldError> errors) {
		if (!entries("#/scopes", client.scopes(), errors)) {
			return;
		}
		for (int i = 0; i < client.scopes().size(); i++) {
			String scope = client.scopes().get(i);
			String pointer = "#/scopes/" + i;
			if (scope == null || !SCOPE_TOKEN.matcher(scope).matches()) {
				errors.add(error(pointer, "must be a scope token (RFC 6749 §3.3)"));
			}
			else if (USER_SCOPES.contains(scope) && !grants.contains(AUTHORIZATION_CODE)) {
				errors.add(error(pointer,
						"is about a user, so only a client with the authorization_code" + " grant may have it"));
			}
		}
		List<String> defaults = client.defaultScopes();
		if (defaults != null && entries("#/defaultScopes", defaults, errors)) {
			for (int i = 0; i < defaults.size(); i++) {
				if (!client.scopes().contains(defaults.get(i))) {
					errors.add(error("#/defaultScopes/" + i, "must be one of the client's scopes"));
				}
			}
		}
	}

	private static void organization(ClientRegistration client, List<AdminProblem.FieldError> errors) {
		String organization = client.organization();
		String role = client.organizationRole();
		if (organization == null) {
			if (role != null) {
				errors.add(error("#/organizationRole", "needs an organization"));
			}
			return;
		}
		if (organization.isBlank()) {
			errors.add(error("#/organization", "must not be blank"));
		}
		if (!ROLES.contains(role)) {
			errors.add(error("#/organizationRole", "must be one of " + String.join(", ", ROLES)));
		}
	}

	private void lifetimes(ClientRegistration client, Set<String> grants, List<AdminProblem.FieldError> errors) {
		Duration access = client.accessTokenTimeToLive();
		if (access != null) {
			lifetime("#/accessTokenTimeToLive", access, this.maxAccessTokenTimeToLive,
					"writ.token.max-access-token-time-to-live", errors);
		}
		Duration idle = client.refreshTokenIdleTimeToLive();
		Duration absolute = client.refreshTokenAbsoluteTimeToLive();
		boolean refreshes = grants.contains(REFRESH_TOKEN);
		if (idle != null) {
			refreshSetting("#/refreshTokenIdleTimeToLive", refreshes, errors);
			lifetime("#/refreshTokenIdleTimeToLive", idle, MAX_REFRESH_TOKEN_TIME_TO_LIVE, null, errors);
		}
		if (absolute != null) {
			refreshSetting("#/refreshTokenAbsoluteTimeToLive", refreshes, errors);
			lifetime("#/refreshTokenAbsoluteTimeToLive", absolute, MAX_REFRESH_TOKEN_TIME_TO_LIVE, null, errors);
		}
		if (idle != null && absolute != null && idle.compareTo(absolute) > 0) {
			errors.add(error("#/refreshTokenIdleTimeToLive", "must not exceed refreshTokenAbsoluteTimeToLive"));
		}
		if (client.refreshTokenWithoutOfflineAccess()) {
			refreshSetting("#/refreshTokenWithoutOfflineAccess", refreshes, errors);
		}
	}

	private static void refreshSetting(String pointer, boolean refreshes, List<AdminProblem.FieldError> errors) {
		if (!refreshes) {
			errors.add(error(pointer, "only for a client with the refresh_token grant"));
		}
	}

	private static void lifetime(String pointer, Duration lifetime, Duration max, @Nullable String maxProperty,
			List<AdminProblem.FieldError> errors) {
		if (lifetime.isNegative() || lifetime.isZero()) {
			errors.add(error(pointer, "must be positive"));
		}
		else if (lifetime.getNano() != 0) {
			errors.add(error(pointer, "must be whole seconds"));
		}
		else if (lifetime.compareTo(max) > 0) {
			errors.add(
					error(pointer, "must not exceed " + max + ((maxProperty != null) ? " (" + maxProperty + ")" : "")));
		}
	}

	/**
	 * RFC 7523 §2.2 and RFC 7591 §2: a {@code private_key_jwt} client registers its
	 * public keys by value or by reference, never both; no other client has keys.
	 */
	private static void keys(ClientRegistration client, List<AdminProblem.FieldError> errors) {
		boolean signs = PRIVATE_KEY_JWT.equals(client.tokenEndpointAuthMethod());
		if (!signs) {
			if (client.jwksUri() != null) {
				errors.add(error("#/jwksUri", "only for token endpoint authentication 'private_key_jwt'"));
			}
			if (client.jwks() != null) {
				errors.add(error("#/jwks", "only for token endpoint authentication 'private_key_jwt'"));
			}
			return;
		}
		if (client.jwksUri() == null && client.jwks() == null) {
			errors.add(error("#/jwksUri", "private_key_jwt needs jwksUri or jwks (RFC 7591 §2)"));
		}
		else if (client.jwksUri() != null && client.jwks() != null) {
			errors.add(error("#/jwks", "must not be given together with jwksUri (RFC 7591 §2)"));
		}
		else if (client.jwksUri() != null) {
			String problem = ClientUris.httpsUriProblem(client.jwksUri());
			if (problem != null) {
				errors.add(error("#/jwksUri", problem));
			}
		}
		else {
			String problem = jwksProblem(client.jwks());
			if (problem != null) {
				errors.add(error("#/jwks", problem));
			}
		}
	}

	private static @Nullable String jwksProblem(java.util.Map<String, Object> jwks) {
		JWKSet set;
		try {
			set = JWKSet.parse(jwks);
		}
		catch (ParseException ex) {
			return "must be a JWK Set (RFC 7517 §5)";
		}
		if (set.getKeys().isEmpty()) {
			return "must hold at least one key";
		}
		if (set.getKeys().stream().anyMatch(JWK::isPrivate)) {
			return "must hold public keys only: a private key must never leave the client";
		}
		return null;
	}

	private static AdminProblem.FieldError error(String pointer, String detail) {
		return new AdminProblem.FieldError(pointer, null, detail);
	}

	/** Checks a list's length and, when it is within bounds, each of its URIs. */
	private static void uris(String pointer, List<String> uris, Function<String, @Nullable String> problem,
			List<AdminProblem.FieldError> errors) {
		if (!entries(pointer, uris, errors)) {
			return;
		}
		for (int i = 0; i < uris.size(); i++) {
			String uri = uris.get(i);
			String found = (uri != null) ? problem.apply(uri) : "must be a string";
			if (found != null) {
				errors.add(error(pointer + "/" + i, found));
			}
		}
	}

	private static boolean entries(String pointer, List<String> values, List<AdminProblem.FieldError> errors) {
		if (values.size() > MAX_ENTRIES) {
			errors.add(error(pointer, "must have at most " + MAX_ENTRIES + " entries"));
			return false;
		}
		return true;
	}

}
