package dev.writ.server.oauth2.authorization;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jwt.SignedJWT;
import dev.writ.server.account.User;
import dev.writ.server.account.Users;
import dev.writ.server.event.Actor;
import dev.writ.server.org.Permissions;
import dev.writ.server.org.Grantor;
import dev.writ.server.org.OrganizationRoles;
import dev.writ.server.test.HttpBrowser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.HtmlUtils;

import static dev.writ.server.oauth2.authorization.AuthorizationCodeFlowTests.WEB;
import static dev.writ.server.oauth2.authorization.AuthorizationCodeFlowTests.WEB_SECRET;
import static dev.writ.server.oauth2.authorization.AuthorizationCodeFlowTests.authorizeUri;
import static dev.writ.server.oauth2.authorization.AuthorizationCodeFlowTests.code;
import static dev.writ.server.oauth2.authorization.AuthorizationCodeFlowTests.exchange;
import static dev.writ.server.oauth2.authorization.AuthorizationCodeFlowTests.expectError;
import static dev.writ.server.oauth2.authorization.AuthorizationCodeFlowTests.query;
import static dev.writ.server.oauth2.authorization.AuthorizationCodeFlowTests.refresh;
import static dev.writ.server.oauth2.authorization.AuthorizationCodeFlowTests.refreshOk;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organization a user's tokens speak for: chosen on a page when the user has several,
 * named with the {@code organization} parameter, checked against the user's memberships
 * at every token.
 */
class OrganizationContextTests {

	private static final Pattern CHOICE = Pattern.compile("href=\"([^\"]+)\">([^<]+)</a>");

	private static DatabaseClient database;

	private String email;

	private User user;

	@BeforeAll
	static void start() {
		AuthorizationCodeFlowTests.start();
		database = AuthorizationCodeFlowTests.server.bean(DatabaseClient.class);
	}

	/** A user who is a member of acme and an admin of globex. */
	@BeforeEach
	void user() {
		this.email = "multi-" + UUID.randomUUID() + "@acme.test";
		this.user = AuthorizationCodeFlowTests.server.bean(Users.class)
			.create(this.email, "Multi Org", "multi-password")
			.block();
		member("org_acme", "member");
		member("org_globex", "admin");
	}

	private void member(String organizationId, String role) {
		database.sql("""
				INSERT INTO memberships (user_id, organization_id, role) VALUES (:user, :org, :role)
				ON CONFLICT (user_id, organization_id) DO UPDATE SET role = EXCLUDED.role""")
			.bind("user", this.user.id())
			.bind("org", organizationId)
			.bind("role", role)
			.then()
			.block();
	}

	private HttpBrowser signedIn() {
		HttpBrowser browser = new HttpBrowser(AuthorizationCodeFlowTests.server.baseUrl());
		assertThat(browser.signIn(this.email, "multi-password").getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
		return browser;
	}

	private static Map<String, Object> claims(Map<String, Object> tokens) throws Exception {
		return SignedJWT.parse((String) tokens.get("access_token")).getJWTClaimsSet().getClaims();
	}

	@Test
	void authorizeWhenUserInTwoOrganizationsThenPickerAndTokensForTheChosenOne() throws Exception {
		HttpBrowser browser = signedIn();
		String verifier = HttpBrowser.codeVerifier();
		EntityExchangeResult<String> picker = browser.get(authorizeUri(WEB, "scope", "openid offline_access",
				"code_challenge", HttpBrowser.s256(verifier), "code_challenge_method", "S256"));
		assertThat(picker.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(picker.getResponseBody()).contains("Choose an organization")
			.contains("Acme Corporation")
			.contains("Globex Corporation");
		String globex = null;
		Matcher choice = CHOICE.matcher(picker.getResponseBody());
		while (choice.find()) {
			if (choice.group(2).equals("Globex Corporation")) {
				globex = HtmlUtils.htmlUnescape(choice.group(1));
			}
		}
		assertThat(globex).contains("organization=org_globex");
		MultiValueMap<String, String> callback = code(browser, globex);
		Map<String, Object> tokens = exchange(WEB, WEB_SECRET, callback.getFirst("code"), verifier);
		assertThat(claims(tokens)).containsEntry("org", "org_globex")
			.containsEntry("role", "admin")
			.containsEntry("permissions", List.copyOf(Permissions.ofBuiltIn("admin")));

		// a role change shows in the next token; the organization stays the grant's
		member("org_globex", "member");
		Map<String, Object> refreshed = refreshOk((String) tokens.get("refresh_token"), null);
		assertThat(claims(refreshed)).containsEntry("org", "org_globex")
			.containsEntry("role", "member")
			.containsEntry("permissions",
					List.of("projects:read", "projects:write", "deployments:read", "deployments:write"));
	}

	@Test
	void authorizeWhenOrganizationParameterNamesAMembershipThenNoPicker() throws Exception {
		String verifier = HttpBrowser.codeVerifier();
		MultiValueMap<String, String> callback = code(signedIn(), authorizeUri(WEB, "scope", "openid", "organization",
				"org_acme", "code_challenge", HttpBrowser.s256(verifier), "code_challenge_method", "S256"));
		assertThat(claims(exchange(WEB, WEB_SECRET, callback.getFirst("code"), verifier)))
			.containsEntry("org", "org_acme")
			.containsEntry("role", "member");
	}

	@Test
	void authorizeWhenOrganizationParameterNamesAnotherOrganizationThenAccessDenied() {
		database.sql("DELETE FROM memberships WHERE user_id = :user AND organization_id = 'org_globex'")
			.bind("user", this.user.id())
			.then()
			.block();
		EntityExchangeResult<String> result = signedIn().get(authorizeUri(WEB, "organization", "org_globex",
				"code_challenge", HttpBrowser.s256(HttpBrowser.codeVerifier()), "code_challenge_method", "S256"));
		assertThat(result.getStatus()).isEqualTo(HttpStatus.FOUND);
		assertThat(query(HttpBrowser.location(result)).getFirst("error")).isEqualTo("access_denied");
	}

	@Test
	void authorizeWhenPromptNoneAndSeveralOrganizationsThenInteractionRequired() {
		EntityExchangeResult<String> result = signedIn().get(authorizeUri(WEB, "prompt", "none", "code_challenge",
				HttpBrowser.s256(HttpBrowser.codeVerifier()), "code_challenge_method", "S256"));
		assertThat(query(HttpBrowser.location(result)).getFirst("error")).isEqualTo("interaction_required");
	}

	@Test
	void refreshWhenMembershipEndedThenInvalidGrantAndFamilyGone() {
		String verifier = HttpBrowser.codeVerifier();
		MultiValueMap<String, String> callback = code(signedIn(),
				authorizeUri(WEB, "scope", "openid offline_access", "organization", "org_acme", "code_challenge",
						HttpBrowser.s256(verifier), "code_challenge_method", "S256", "prompt", "consent"));
		Map<String, Object> tokens = exchange(WEB, WEB_SECRET, callback.getFirst("code"), verifier);
		database.sql("DELETE FROM memberships WHERE user_id = :user AND organization_id = 'org_acme'")
			.bind("user", this.user.id())
			.then()
			.block();
		expectError(refresh((String) tokens.get("refresh_token"), null), "invalid_grant");
		member("org_acme", "member");
		expectError(refresh((String) tokens.get("refresh_token"), null), "invalid_grant");
	}

	@Test
	void tokenWhenCustomRoleThenItsPermissionsAndNarrowingItEndsTheGrant() throws Exception {
		OrganizationRoles roles = AuthorizationCodeFlowTests.server.bean(OrganizationRoles.class);
		Grantor operator = Grantor.platform(Actor.system("test"));
		String role = "releaser-" + UUID.randomUUID().toString().substring(0, 8);
		roles.define("org_globex", role, "Ships releases", List.of("deployments:write", "projects:read"), operator)
			.block();
		member("org_globex", role);
		String verifier = HttpBrowser.codeVerifier();
		MultiValueMap<String, String> callback = code(signedIn(),
				authorizeUri(WEB, "scope", "openid offline_access", "organization", "org_globex", "code_challenge",
						HttpBrowser.s256(verifier), "code_challenge_method", "S256", "prompt", "consent"));
		Map<String, Object> tokens = exchange(WEB, WEB_SECRET, callback.getFirst("code"), verifier);
		assertThat(claims(tokens)).containsEntry("role", role)
			.containsEntry("permissions", List.of("projects:read", "deployments:write"));

		// widening shows in the next token and leaves the grant alone
		roles
			.update("org_globex", role, "Ships releases",
					List.of("projects:read", "deployments:read", "deployments:write"), operator)
			.block();
		assertThat(AuthorizationCodeFlowTests.introspect((String) tokens.get("access_token"))).isTrue();
		Map<String, Object> widened = refreshOk((String) tokens.get("refresh_token"), null);
		assertThat(claims(widened)).containsEntry("permissions",
				List.of("projects:read", "deployments:read", "deployments:write"));

		// narrowing ends the holders' grants at once, as a change of their role does
		roles.update("org_globex", role, "Ships releases", List.of("projects:read"), operator).block();
		assertThat(AuthorizationCodeFlowTests.introspect((String) widened.get("access_token"))).isFalse();
		expectError(refresh((String) widened.get("refresh_token"), null), "invalid_grant");
	}

}
