package dev.writ.server.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jwt.SignedJWT;
import dev.writ.server.account.User;
import dev.writ.server.account.Users;
import dev.writ.server.event.Actor;
import dev.writ.server.event.ClientAddress;
import dev.writ.server.org.Permissions;
import dev.writ.server.test.AccessTokens;
import dev.writ.server.test.HttpBrowser;
import dev.writ.server.test.AdminApiServer;
import dev.writ.server.test.TestAuthServer;
import dev.writ.server.token.RevocationList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.writ.server.test.TokenRequests.basic;
import static dev.writ.server.test.TokenRequests.form;
import static dev.writ.server.test.TokenRequests.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Client administration over the real stores and the real token endpoint: secrets shown
 * once and stored hashed, rotation, deletion that ends every token, who sees and may
 * change which client, and the audit record of every change.
 */
class ClientAdministrationTests {

	private static final ClientAdministrator PLATFORM = ClientAdministrator.platform(Actor.client("operator"));

	private static TestAuthServer server;

	private static ClientAdministration administration;

	private static DatabaseClient database;

	private String organization;

	@BeforeAll
	static void start() {
		server = AdminApiServer.get();
		administration = server.bean(ClientAdministration.class);
		database = server.bean(DatabaseClient.class);
	}

	@BeforeEach
	void organization() {
		this.organization = newOrganization();
	}

	private static String newOrganization() {
		String id = "org_" + UUID.randomUUID().toString().replace("-", "");
		database.sql("INSERT INTO organizations (id, slug, name) VALUES (:id, :id, 'Test Org')")
			.bind("id", id)
			.then()
			.block();
		return id;
	}

	private ClientRegistration machine() {
		return ClientRegistration.builder()
			.name("Nightly job")
			.grantTypes(List.of("client_credentials"))
			.scopes(List.of("read:projects", "write:projects"))
			.audiences(List.of("https://api.example.test"))
			.organization(this.organization, "member")
			.build();
	}

	/** A confidential client for users and for itself, without a consent page. */
	private ClientRegistration webAndMachine() {
		return ClientRegistration.builder()
			.name("Web app with a job")
			.grantTypes(List.of("authorization_code", "refresh_token", "client_credentials"))
			.redirectUris(List.of(AccessTokens.REDIRECT))
			.scopes(List.of("offline_access", "read:projects"))
			.requireConsent(false)
			.build();
	}

	private ClientAdministrator organizationAdministrator(String role) {
		return ClientAdministrator.ofOrganization(Actor.user("usr_admin"), this.organization, role,
				Permissions.ofBuiltIn(role));
	}

	@Test
	void registerWhenConfidentialThenSecretShownOnceAndOnlyItsHashStored() throws Exception {
		ClientWithSecret created = administration.register(PLATFORM, machine()).block();

		String secret = created.secret();
		assertThat(secret).startsWith("writ_cs_").hasSize(51);
		assertThat(created.client().clientId()).matches("cli_[0-9a-f]{32}");
		assertThat(created.client().hasSecret()).isTrue();
		assertThat(created.client().registration())
			.isEqualTo(machine().toBuilder().accessTokenTimeToLive(java.time.Duration.ofMinutes(5)).build());
		String hash = storedHash(created.client().clientId());
		assertThat(hash).startsWith("{bcrypt}").doesNotContain(secret.substring(8));
		assertThat(server.bean(PasswordEncoder.class).matches(secret, hash)).isTrue();
		assertThat(administration.find(PLATFORM, created.client().clientId()).block()).isEqualTo(created.client());

		String token = clientCredentials(created.client().clientId(), secret).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("access_token")
			.toString();
		assertThat(SignedJWT.parse(token).getJWTClaimsSet().getClaims()).containsEntry("org", this.organization)
			.containsEntry("role", "member")
			.containsEntry("client_id", created.client().clientId());
	}

	@Test
	void registerWhenPublicThenNoSecretIssuedOrStored() {
		ClientRegistration spa = ClientRegistration.builder()
			.name("SPA")
			.grantTypes(List.of("authorization_code"))
			.tokenEndpointAuthMethod("none")
			.redirectUris(List.of(AccessTokens.REDIRECT))
			.scopes(List.of("openid"))
			.build();
		ClientWithSecret created = administration.register(PLATFORM, spa).block();
		assertThat(created.secret()).isNull();
		assertThat(created.client().hasSecret()).isFalse();
		assertThat(storedHash(created.client().clientId())).isNull();
	}

	@Test
	void registerWhenOrganizationUnknownThenValidationErrorAndNothingStored() {
		ClientRegistration registration = machine().toBuilder()
			.name("Orphan " + UUID.randomUUID())
			.organization("org_nope")
			.build();
		assertThatExceptionOfType(ClientValidationException.class)
			.isThrownBy(() -> administration.register(PLATFORM, registration).block())
			.satisfies((ex) -> assertThat(ex.errors()).containsExactly(
					new AdminProblem.FieldError("#/organization", null, "there is no organization 'org_nope'")));
		assertThat(clientsNamed(registration.name())).isZero();
	}

	@Test
	void registerWhenInvalidThenValidationErrorAndNothingStored() {
		ClientRegistration registration = machine().toBuilder()
			.name("Invalid " + UUID.randomUUID())
			.redirectUris(List.of("https://app.example.test/cb"))
			.build();
		assertThatExceptionOfType(ClientValidationException.class)
			.isThrownBy(() -> administration.register(PLATFORM, registration).block())
			.satisfies((ex) -> assertThat(ex.errors()).extracting(AdminProblem.FieldError::pointer)
				.containsExactly("#/redirectUris"));
		assertThat(clientsNamed(registration.name())).isZero();
	}

	@Test
	void registerWhenCalledThenAuditedWithActorTargetOrganizationAndAddress() {
		ClientAdministrator administrator = organizationAdministrator("admin");
		ClientWithSecret created = administration.register(administrator, machine())
			.contextWrite((context) -> ClientAddress.put(context, "203.0.113.7"))
			.block();
		assertThat(audit("client.created", created.client().clientId()))
			.containsExactly(Map.of("organization_id", this.organization, "actor_kind", "user", "actor_id", "usr_admin",
					"target_kind", "client", "ip_address", "203.0.113.7"));
	}

	@Test
	void rotateSecretWhenRotatedThenNewSecretWorksAndOldOneIsRefusedAtOnce() {
		ClientWithSecret created = administration.register(PLATFORM, machine()).block();
		String clientId = created.client().clientId();
		clientCredentials(clientId, created.secret()).expectStatus().isOk();

		ClientWithSecret rotated = administration.rotateSecret(PLATFORM, clientId).block();

		assertThat(rotated.secret()).startsWith("writ_cs_").isNotEqualTo(created.secret());
		assertThat(rotated.client()).isEqualTo(created.client());
		clientCredentials(clientId, created.secret()).expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("invalid_client");
		clientCredentials(clientId, rotated.secret()).expectStatus().isOk();
		assertThat(server.bean(PasswordEncoder.class).matches(rotated.secret(), storedHash(clientId))).isTrue();
		assertThat(audit("client.secret_rotated", clientId)).hasSize(1);
	}

	@Test
	void rotateSecretWhenClientHasNoSecretThenRefused() {
		ClientRegistration spa = ClientRegistration.builder()
			.name("SPA")
			.grantTypes(List.of("authorization_code"))
			.tokenEndpointAuthMethod("none")
			.redirectUris(List.of(AccessTokens.REDIRECT))
			.build();
		String clientId = administration.register(PLATFORM, spa).block().client().clientId();
		assertThatExceptionOfType(ClientHasNoSecretException.class)
			.isThrownBy(() -> administration.rotateSecret(PLATFORM, clientId).block());
		assertThat(storedHash(clientId)).isNull();
	}

	@Test
	void updateWhenValidThenStoredAndAuditedWithTheChangedSettings() {
		ClientWithSecret created = administration.register(PLATFORM, machine()).block();
		String clientId = created.client().clientId();
		String hash = storedHash(clientId);

		ClientWithSecret updated = administration
			.update(PLATFORM, clientId,
					(registration) -> registration.toBuilder()
						.name("Hourly job")
						.scopes(List.of("read:projects", "write:projects", "read:deployments"))
						.build())
			.block();

		assertThat(updated.secret()).isNull();
		assertThat(updated.client().registration().name()).isEqualTo("Hourly job");
		assertThat(administration.find(PLATFORM, clientId).block()).isEqualTo(updated.client());
		assertThat(storedHash(clientId)).isEqualTo(hash);
		clientCredentials(clientId, created.secret()).expectStatus().isOk();
		assertThat(auditDetails("client.updated", clientId)).isEqualTo("{\"changed\": [\"name\", \"scopes\"]}");
	}

	@Test
	void updateWhenNothingChangesThenNotAudited() {
		String clientId = administration.register(PLATFORM, machine()).block().client().clientId();
		administration.update(PLATFORM, clientId, (registration) -> registration).block();
		assertThat(audit("client.updated", clientId)).isEmpty();
	}

	@Test
	void updateWhenInvalidThenValidationErrorAndUnchanged() {
		ClientWithSecret created = administration.register(PLATFORM, machine()).block();
		String clientId = created.client().clientId();
		assertThatExceptionOfType(ClientValidationException.class)
			.isThrownBy(
					() -> administration
						.update(PLATFORM, clientId,
								(registration) -> registration.toBuilder().grantTypes(List.of("password")).build())
						.block())
			.satisfies((ex) -> assertThat(ex.errors()).extracting(AdminProblem.FieldError::pointer)
				.containsExactly("#/grantTypes/0"));
		assertThat(administration.find(PLATFORM, clientId).block()).isEqualTo(created.client());
	}

	@Test
	void updateWhenPublicClientBecomesConfidentialThenASecretIsIssuedOnce() {
		ClientRegistration spa = ClientRegistration.builder()
			.name("SPA")
			.grantTypes(List.of("authorization_code"))
			.tokenEndpointAuthMethod("none")
			.redirectUris(List.of(AccessTokens.REDIRECT))
			.build();
		String clientId = administration.register(PLATFORM, spa).block().client().clientId();

		ClientWithSecret confidential = administration
			.update(PLATFORM, clientId,
					(registration) -> registration.toBuilder().tokenEndpointAuthMethod("client_secret_post").build())
			.block();
		assertThat(confidential.secret()).startsWith("writ_cs_");
		assertThat(server.bean(PasswordEncoder.class).matches(confidential.secret(), storedHash(clientId))).isTrue();

		ClientWithSecret basic = administration
			.update(PLATFORM, clientId,
					(registration) -> registration.toBuilder().tokenEndpointAuthMethod("client_secret_basic").build())
			.block();
		assertThat(basic.secret()).isNull();
		assertThat(server.bean(PasswordEncoder.class).matches(confidential.secret(), storedHash(clientId))).isTrue();

		administration
			.update(PLATFORM, clientId,
					(registration) -> registration.toBuilder().tokenEndpointAuthMethod("none").build())
			.block();
		assertThat(storedHash(clientId)).isNull();
	}

	@Test
	void updateWhenScopeTakenAwayThenLiveTokensRevoked() throws Exception {
		ClientWithSecret created = administration.register(PLATFORM, machine()).block();
		String clientId = created.client().clientId();
		String token = accessToken(clientId, created.secret());

		administration
			.update(PLATFORM, clientId,
					(registration) -> registration.toBuilder().scopes(List.of("read:projects")).build())
			.block();

		assertThat(revoked(token)).isTrue();
	}

	@Test
	void updateWhenOnlySomethingAddedThenLiveTokensKept() throws Exception {
		ClientWithSecret created = administration.register(PLATFORM, machine()).block();
		String clientId = created.client().clientId();
		String token = accessToken(clientId, created.secret());

		administration
			.update(PLATFORM, clientId,
					(registration) -> registration.toBuilder()
						.scopes(List.of("read:projects", "write:projects", "read:deployments"))
						.build())
			.block();

		assertThat(revoked(token)).isFalse();
	}

	@Test
	void deleteWhenClientHoldsTokensThenEveryTokenDiesWithIt() throws Exception {
		ClientWithSecret created = administration.register(PLATFORM, webAndMachine()).block();
		String clientId = created.client().clientId();
		String machineToken = accessToken(clientId, created.secret());
		User user = server.bean(Users.class)
			.create("client-user-" + UUID.randomUUID() + "@test.test", "User", "user-password")
			.block();
		HttpBrowser browser = new HttpBrowser(server.baseUrl());
		assertThat(browser.signIn(user.email(), "user-password").getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
		Map<String, Object> userTokens = AccessTokens.codeFlow(server, browser, clientId, created.secret(),
				"offline_access", null);
		String refreshToken = (String) userTokens.get("refresh_token");
		assertThat(active(refreshToken)).isTrue();

		administration.delete(PLATFORM, clientId)
			.contextWrite((context) -> ClientAddress.put(context, "203.0.113.8"))
			.block();

		assertThat(revoked(machineToken)).isTrue();
		assertThat(revoked((String) userTokens.get("access_token"))).isTrue();
		assertThat(active(machineToken)).isFalse();
		assertThat(active((String) userTokens.get("access_token"))).isFalse();
		assertThat(active(refreshToken)).isFalse();
		post(server.client(), "/oauth2/token", basic(clientId, created.secret()),
				form("grant_type", "refresh_token", "refresh_token", refreshToken))
			.expectStatus()
			.isUnauthorized();
		assertThat(storedHash(clientId)).isNull();
		assertThat(database.sql("SELECT count(*) AS n FROM oauth2_clients WHERE client_id = :id")
			.bind("id", clientId)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block()).isZero();
		assertThat(audit("client.deleted", clientId)).containsExactly(Map.of("organization_id", "", "actor_kind",
				"client", "actor_id", "operator", "target_kind", "client", "ip_address", "203.0.113.8"));
		assertThatExceptionOfType(ClientNotFoundException.class)
			.isThrownBy(() -> administration.find(PLATFORM, clientId).block());
	}

	@Test
	void changesWhenUnknownClientThenNotFound() {
		assertThatExceptionOfType(ClientNotFoundException.class)
			.isThrownBy(() -> administration.find(PLATFORM, "cli_nope").block());
		assertThatExceptionOfType(ClientNotFoundException.class)
			.isThrownBy(() -> administration.update(PLATFORM, "cli_nope", (registration) -> registration).block());
		assertThatExceptionOfType(ClientNotFoundException.class)
			.isThrownBy(() -> administration.rotateSecret(PLATFORM, "cli_nope").block());
		assertThatExceptionOfType(ClientNotFoundException.class)
			.isThrownBy(() -> administration.delete(PLATFORM, "cli_nope").block());
	}

	@Test
	void findWhenOrganizationAdministratorAndClientOfAnotherOrNoOrganizationThenNotFound() {
		String theirs = administration.register(PLATFORM, machine()).block().client().clientId();
		String other = newOrganization();
		String foreign = administration.register(PLATFORM, machine().toBuilder().organization(other).build())
			.block()
			.client()
			.clientId();
		ClientAdministrator administrator = organizationAdministrator("admin");

		assertThat(administration.find(administrator, theirs).block().clientId()).isEqualTo(theirs);
		for (String hidden : List.of(foreign, "demo-web")) {
			assertThatExceptionOfType(ClientNotFoundException.class)
				.isThrownBy(() -> administration.find(administrator, hidden).block());
			assertThatExceptionOfType(ClientNotFoundException.class)
				.isThrownBy(() -> administration.update(administrator, hidden, (registration) -> registration).block());
			assertThatExceptionOfType(ClientNotFoundException.class)
				.isThrownBy(() -> administration.rotateSecret(administrator, hidden).block());
			assertThatExceptionOfType(ClientNotFoundException.class)
				.isThrownBy(() -> administration.delete(administrator, hidden).block());
		}
		assertThat(administration.find(PLATFORM, foreign).block()).isNotNull();
	}

	@Test
	void listWhenOrganizationAdministratorThenOnlyTheirOrganizationsClientsInPages() {
		String first = administration.register(PLATFORM, machine()).block().client().clientId();
		String second = administration.register(PLATFORM, machine()).block().client().clientId();
		administration.register(PLATFORM, machine().toBuilder().organization(newOrganization()).build()).block();
		ClientAdministrator administrator = organizationAdministrator("member");
		List<String> sorted = List.of(first, second).stream().sorted().toList();

		assertThat(administration.list(administrator, null, 10).map(AdministeredClient::clientId).collectList().block())
			.containsExactlyElementsOf(sorted);
		assertThat(administration.list(administrator, null, 1).map(AdministeredClient::clientId).collectList().block())
			.containsExactly(sorted.get(0));
		assertThat(administration.list(administrator, sorted.get(0), 10)
			.map(AdministeredClient::clientId)
			.collectList()
			.block()).containsExactly(sorted.get(1));
		assertThat(administration.list(PLATFORM, null, 1000).map(AdministeredClient::clientId).collectList().block())
			.contains(first, second, "demo-web", "demo-m2m");
	}

	@Test
	void changesWhenClientActsAsMoreThanTheOrganizationAdministratorThenDenied() {
		String owners = administration.register(PLATFORM, machine().toBuilder().organizationRole("owner").build())
			.block()
			.client()
			.clientId();
		ClientAdministrator administrator = organizationAdministrator("admin");

		assertThat(administration.find(administrator, owners).block().clientId()).isEqualTo(owners);
		assertThatExceptionOfType(ClientAccessDeniedException.class)
			.isThrownBy(() -> administration.update(administrator, owners, (registration) -> registration).block());
		assertThatExceptionOfType(ClientAccessDeniedException.class)
			.isThrownBy(() -> administration.rotateSecret(administrator, owners).block());
		assertThatExceptionOfType(ClientAccessDeniedException.class)
			.isThrownBy(() -> administration.delete(administrator, owners).block());
		assertThat(administration.find(PLATFORM, owners).block()).isNotNull();
	}

	@Test
	void changesWhenClientHoldsPlatformScopesThenOrganizationAdministratorDenied() {
		String operator = administration
			.register(PLATFORM, machine().toBuilder().scopes(List.of("admin:clients")).build())
			.block()
			.client()
			.clientId();
		assertThatExceptionOfType(ClientAccessDeniedException.class)
			.isThrownBy(() -> administration.rotateSecret(organizationAdministrator("owner"), operator).block());
	}

	@Test
	void updateWhenOrganizationAdministratorRaisesRoleBeyondTheirOwnThenDeniedAndUnchanged() {
		ClientWithSecret created = administration.register(PLATFORM, machine()).block();
		assertThatExceptionOfType(ClientAccessDeniedException.class)
			.isThrownBy(
					() -> administration
						.update(organizationAdministrator("admin"), created.client().clientId(),
								(registration) -> registration.toBuilder().organizationRole("owner").build())
						.block())
			.withMessage("the role 'owner' has permissions beyond the administrator's role 'admin'");
		assertThat(administration.find(PLATFORM, created.client().clientId()).block()).isEqualTo(created.client());
	}

	@Test
	void registerWhenOrganizationAdministratorThenInTheirOrganizationAsMemberUnlessTheyGiveTheirOwnRole() {
		ClientRegistration unplaced = machine().toBuilder().organization(null, null).build();
		ClientWithSecret member = administration.register(organizationAdministrator("admin"), unplaced).block();
		assertThat(member.client().registration().organization()).isEqualTo(this.organization);
		assertThat(member.client().registration().organizationRole()).isEqualTo("member");
		ClientWithSecret admin = administration
			.register(organizationAdministrator("admin"), machine().toBuilder().organizationRole("admin").build())
			.block();
		assertThat(admin.client().registration().organizationRole()).isEqualTo("admin");
		ClientWithSecret owner = administration
			.register(organizationAdministrator("owner"), machine().toBuilder().organizationRole("owner").build())
			.block();
		assertThat(owner.client().registration().organizationRole()).isEqualTo("owner");
	}

	@Test
	void registerWhenOrganizationAdministratorGivesMoreThanTheyHoldThenDeniedAndNothingStored() {
		String name = "Escalation " + UUID.randomUUID();
		ClientAdministrator administrator = organizationAdministrator("admin");
		assertThatExceptionOfType(ClientAccessDeniedException.class)
			.isThrownBy(() -> administration
				.register(administrator, machine().toBuilder().name(name).organizationRole("owner").build())
				.block())
			.withMessage("the role 'owner' has permissions beyond the administrator's role 'admin'");
		assertThatExceptionOfType(ClientAccessDeniedException.class)
			.isThrownBy(() -> administration
				.register(administrator, machine().toBuilder().name(name).organization(newOrganization()).build())
				.block())
			.withMessageStartingWith("a client can be registered only in the administrator's own organization");
		assertThatExceptionOfType(ClientAccessDeniedException.class)
			.isThrownBy(() -> administration
				.register(administrator, machine().toBuilder().name(name).scopes(List.of("admin:clients")).build())
				.block())
			.withMessage("the scope 'admin:clients' administers the platform; only a platform operator may give it");
		assertThat(clientsNamed(name)).isZero();
	}

	private WebTestClient.ResponseSpec clientCredentials(String clientId, String secret) {
		return post(server.client(), "/oauth2/token", basic(clientId, secret),
				form("grant_type", "client_credentials", "scope", "read:projects"));
	}

	@SuppressWarnings("unchecked")
	private String accessToken(String clientId, String secret) {
		Map<String, Object> body = clientCredentials(clientId, secret).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (String) body.get("access_token");
	}

	private static boolean revoked(String accessToken) throws Exception {
		String jti = SignedJWT.parse(accessToken).getJWTClaimsSet().getJWTID();
		return server.bean(RevocationList.class).isRevoked(jti).block();
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

	private static String storedHash(String clientId) {
		return database.sql("SELECT client_secret_hash FROM oauth2_clients WHERE client_id = :id")
			.bind("id", clientId)
			.map((row) -> Optional.ofNullable(row.get("client_secret_hash", String.class)))
			.one()
			.blockOptional()
			.flatMap((hash) -> hash)
			.orElse(null);
	}

	private static long clientsNamed(String name) {
		return database.sql("SELECT count(*) AS n FROM oauth2_clients WHERE client_name = :name")
			.bind("name", name)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block();
	}

	private static List<Map<String, String>> audit(String action, String clientId) {
		return database.sql("""
				SELECT coalesce(organization_id, '') AS organization_id, actor_kind, actor_id, target_kind,
				       coalesce(ip_address, '') AS ip_address
				FROM audit_log WHERE action = :action AND target_id = :client ORDER BY id""")
			.bind("action", action)
			.bind("client", clientId)
			.map((row) -> Map.of("organization_id", row.get("organization_id", String.class), "actor_kind",
					row.get("actor_kind", String.class), "actor_id", row.get("actor_id", String.class), "target_kind",
					row.get("target_kind", String.class), "ip_address", row.get("ip_address", String.class)))
			.all()
			.collectList()
			.block();
	}

	private static String auditDetails(String action, String clientId) {
		return database
			.sql("SELECT details::text AS details FROM audit_log WHERE action = :action AND target_id = :client")
			.bind("action", action)
			.bind("client", clientId)
			.map((row) -> row.get("details", String.class))
			.one()
			.block();
	}

}
