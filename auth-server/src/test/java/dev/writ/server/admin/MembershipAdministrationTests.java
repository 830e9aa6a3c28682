package dev.writ.server.admin;

import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import dev.writ.server.account.User;
import dev.writ.server.event.Actor;
import dev.writ.server.org.Grantor;
import dev.writ.server.org.Memberships;
import dev.writ.server.org.OrganizationRole;
import dev.writ.server.org.OrganizationRoles;
import dev.writ.server.org.UnknownRoleException;
import dev.writ.server.test.HttpBrowser;
import dev.writ.server.test.AdminFixtures;
import dev.writ.server.test.TestAuthServer;
import dev.writ.server.token.RevocationList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;

import static dev.writ.server.test.TokenRequests.basic;
import static dev.writ.server.test.TokenRequests.form;
import static dev.writ.server.test.TokenRequests.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Membership changes take effect at once, and an organization keeps an owner: over the
 * real stores, with tokens obtained through the authorization code flow.
 */
class MembershipAdministrationTests {

	private static final String REDIRECT = "http://127.0.0.1:3000/callback";

	private static TestAuthServer server;

	private static MembershipAdministration administration;

	private static DatabaseClient database;

	private static AdminFixtures fixtures;

	private String organization;

	@BeforeAll
	static void start() {
		server = TestAuthServer.demo();
		administration = server.bean(MembershipAdministration.class);
		database = server.bean(DatabaseClient.class);
		fixtures = new AdminFixtures(server);
	}

	@BeforeEach
	void organization() {
		this.organization = fixtures.organization();
	}

	private User member(String role) {
		return fixtures.member(this.organization, role);
	}

	@Test
	void changeRoleWhenAdminDemotedThenTokensForTheOrganizationDieAtOnce() throws Exception {
		member("owner");
		User admin = member("admin");
		Map<String, Object> tokens = tokens(admin);
		String accessToken = (String) tokens.get("access_token");
		assertThat(SignedJWT.parse(accessToken).getJWTClaimsSet().getClaims()).containsEntry("role", "admin");
		assertThat(active(accessToken)).isTrue();

		OrganizationRole changed = administration.changeRole(this.organization, admin.id(), "member").block();

		assertThat(changed).isEqualTo(new OrganizationRole(this.organization, "member"));
		assertThat(active(accessToken)).isFalse();
		String jti = SignedJWT.parse(accessToken).getJWTClaimsSet().getJWTID();
		assertThat(server.bean(RevocationList.class).isRevoked(jti).block()).isTrue();
		refresh((String) tokens.get("refresh_token")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("invalid_grant");
		Map<String, Object> after = tokens(admin);
		assertThat(SignedJWT.parse((String) after.get("access_token")).getJWTClaimsSet().getClaims())
			.containsEntry("role", "member");
	}

	@Test
	void changeRoleWhenSameRoleThenTokensKept() {
		member("owner");
		User admin = member("admin");
		Map<String, Object> tokens = tokens(admin);
		administration.changeRole(this.organization, admin.id(), "admin").block();
		assertThat(active((String) tokens.get("access_token"))).isTrue();
	}

	@Test
	void removeWhenMemberThenMembershipAndTokensGone() {
		member("owner");
		User leaving = member("member");
		Map<String, Object> tokens = tokens(leaving);
		administration.remove(this.organization, leaving.id()).block();
		assertThat(server.bean(Memberships.class).findByUserId(leaving.id()).collectList().block()).isEmpty();
		assertThat(active((String) tokens.get("access_token"))).isFalse();
	}

	@Test
	void changeRoleOrRemoveWhenLastOwnerThenRefused() {
		User owner = member("owner");
		assertThatExceptionOfType(LastOwnerException.class)
			.isThrownBy(() -> administration.changeRole(this.organization, owner.id(), "admin").block());
		assertThatExceptionOfType(LastOwnerException.class)
			.isThrownBy(() -> administration.remove(this.organization, owner.id()).block());
		assertThat(server.bean(Memberships.class).findByUserId(owner.id()).collectList().block())
			.containsExactly(new OrganizationRole(this.organization, "owner"));
	}

	@Test
	void changeRoleWhenTwoOwnersDemotedAtOnceThenExactlyOneStays() {
		User first = member("owner");
		User second = member("owner");
		List<Boolean> outcomes = Mono.zip(demoted(first), demoted(second), (a, b) -> List.of(a, b)).block();
		assertThat(outcomes).containsExactlyInAnyOrder(true, false);
		Long owners = database
			.sql("SELECT count(*) AS owners FROM memberships WHERE organization_id = :org AND role = 'owner'")
			.bind("org", this.organization)
			.map((row) -> row.get("owners", Long.class))
			.one()
			.block();
		assertThat(owners).isEqualTo(1L);
	}

	@Test
	void changeRoleWhenNotAMemberThenNotFound() {
		member("owner");
		assertThatExceptionOfType(MembershipNotFoundException.class)
			.isThrownBy(() -> administration.changeRole(this.organization, "usr_nobody", "admin").block());
	}

	@Test
	void changeRoleWhenRoleOfTheOrganizationsOwnThenMemberHoldsIt() {
		member("owner");
		User user = member("member");
		server.bean(OrganizationRoles.class)
			.define(this.organization, "support", null, List.of("projects:read"),
					Grantor.platform(Actor.client("operator-cli")))
			.block();
		assertThat(administration.changeRole(this.organization, user.id(), "support").block())
			.isEqualTo(new OrganizationRole(this.organization, "support"));
		assertThat(server.bean(Memberships.class).find(user.id(), this.organization).block())
			.isEqualTo(new OrganizationRole(this.organization, "support"));
	}

	@Test
	void changeRoleWhenRoleUnknownHereThenRefusedAndRoleKept() {
		member("owner");
		User user = member("member");
		// defined in another organization, which means nothing here
		database
			.sql("INSERT INTO organization_roles (organization_id, name, permissions)"
					+ " VALUES ('org_acme', 'acme-support', '{projects:read}') ON CONFLICT DO NOTHING")
			.then()
			.block();
		for (String role : List.of("nobody", "acme-support")) {
			assertThatExceptionOfType(UnknownRoleException.class)
				.isThrownBy(() -> administration.changeRole(this.organization, user.id(), role).block());
		}
		assertThatIllegalArgumentException()
			.isThrownBy(() -> administration.changeRole(this.organization, user.id(), "Not A Role").block());
		assertThat(server.bean(Memberships.class).find(user.id(), this.organization).block())
			.isEqualTo(new OrganizationRole(this.organization, "member"));
	}

	@Test
	void changeRoleWhenLastOwnerToARoleOfTheOrganizationsOwnThenRefused() {
		User owner = member("owner");
		server.bean(OrganizationRoles.class)
			.define(this.organization, "support", null, List.of("projects:read"),
					Grantor.platform(Actor.client("operator-cli")))
			.block();
		assertThatExceptionOfType(LastOwnerException.class)
			.isThrownBy(() -> administration.changeRole(this.organization, owner.id(), "support").block());
	}

	private Mono<Boolean> demoted(User owner) {
		return administration.changeRole(this.organization, owner.id(), "admin")
			.thenReturn(true)
			.onErrorResume(LastOwnerException.class, (ex) -> Mono.just(false));
	}

	/** Tokens for the user in this test's organization, through the code flow. */
	@SuppressWarnings("unchecked")
	private Map<String, Object> tokens(User user) {
		HttpBrowser browser = new HttpBrowser(server.baseUrl());
		assertThat(browser.signIn(user.email(), AdminFixtures.PASSWORD).getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
		String verifier = HttpBrowser.codeVerifier();
		String authorize = UriComponentsBuilder.fromPath("/oauth2/authorize")
			.queryParam("response_type", "code")
			.queryParam("client_id", "demo-web")
			.queryParam("redirect_uri", REDIRECT)
			.queryParam("scope", "offline_access")
			.queryParam("organization", this.organization)
			.queryParam("code_challenge", HttpBrowser.s256(verifier))
			.queryParam("code_challenge_method", "S256")
			.build()
			.toUriString();
		var result = browser.get(authorize);
		if (result.getStatus() == HttpStatus.OK) {
			result = browser.submit(result.getResponseBody(), "/consent", "decision", "approve");
		}
		MultiValueMap<String, String> callback = UriComponentsBuilder.fromUri(HttpBrowser.location(result))
			.build()
			.getQueryParams();
		return post(server.client(), "/oauth2/token", basic("demo-web", "demo-web-secret"),
				form("grant_type", "authorization_code", "code", callback.getFirst("code"), "redirect_uri", REDIRECT,
						"code_verifier", verifier))
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private static WebTestClient.ResponseSpec refresh(String refreshToken) {
		return post(server.client(), "/oauth2/token", basic("demo-web", "demo-web-secret"),
				form("grant_type", "refresh_token", "refresh_token", refreshToken));
	}

	@SuppressWarnings("unchecked")
	private static boolean active(String token) {
		Map<String, Object> body = post(server.client(), "/oauth2/introspect", basic("demo-web", "demo-web-secret"),
				form("token", token))
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return Boolean.TRUE.equals(body.get("active"));
	}

}
