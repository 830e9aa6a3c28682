package dev.writ.server.apitoken;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.writ.server.account.User;
import dev.writ.server.account.Users;
import dev.writ.server.event.Actor;
import dev.writ.server.org.Grantor;
import dev.writ.server.org.OrganizationRoles;
import dev.writ.server.protocol.Scope;
import dev.writ.server.test.TestAuthServer;
import dev.writ.server.token.RevocationList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.writ.server.test.TokenRequests.M2M_ID;
import static dev.writ.server.test.TokenRequests.M2M_SECRET;
import static dev.writ.server.test.TokenRequests.basic;
import static dev.writ.server.test.TokenRequests.form;
import static dev.writ.server.test.TokenRequests.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * API tokens over the real stores: created within the creator's role and the
 * organization's policy, stored only hashed, introspected like access tokens, revoked
 * with an announcement, and their last use written behind.
 */
class ApiTokensTests {

	private static final Scope READ = Scope.parse("read:projects");

	private static final Grantor OPERATOR = Grantor.platform(Actor.client("operator-cli"));

	private static TestAuthServer server;

	private static ApiTokens apiTokens;

	private static DatabaseClient database;

	private String organization;

	private User member;

	@BeforeAll
	static void start() {
		server = TestAuthServer.demo();
		apiTokens = server.bean(ApiTokens.class);
		database = server.bean(DatabaseClient.class);
	}

	@BeforeEach
	void organization() {
		this.organization = "org_" + UUID.randomUUID().toString().replace("-", "");
		database.sql("INSERT INTO organizations (id, slug, name) VALUES (:id, :id, 'Test Org')")
			.bind("id", this.organization)
			.then()
			.block();
		this.member = member("member");
	}

	private User member(String role) {
		User user = server.bean(Users.class)
			.create("pat-" + UUID.randomUUID() + "@test.test", "Member", "password-1")
			.block();
		database.sql("INSERT INTO memberships (user_id, organization_id, role) VALUES (:user, :org, :role)")
			.bind("user", user.id())
			.bind("org", this.organization)
			.bind("role", role)
			.then()
			.block();
		return user;
	}

	private CreatedApiToken create(Scope scope, Duration lifetime) {
		return apiTokens.create(this.organization, this.member.id(), this.member.id(), "CI", scope, lifetime).block();
	}

	private static WebTestClient.ResponseSpec introspect(String token) {
		return post(server.client(), "/oauth2/introspect", basic(M2M_ID, M2M_SECRET), form("token", token));
	}

	@Test
	void createWhenWithinRoleThenSecretIsPrefixedAndOnlyItsHashIsStored() {
		CreatedApiToken created = create(READ, Duration.ofDays(7));

		assertThat(created.secret()).startsWith("writ_pat_").hasSizeGreaterThanOrEqualTo(9 + 43);
		assertThat(created.toString()).doesNotContain(created.secret().substring(9));
		assertThat(created.token().id()).startsWith("pat_");
		assertThat(created.token().expiresAt()).isEqualTo(created.token().createdAt().plus(Duration.ofDays(7)));
		Map<String, Object> row = database.sql("SELECT * FROM api_tokens WHERE id = :id")
			.bind("id", created.token().id())
			.fetch()
			.one()
			.block();
		assertThat(row).isNotNull();
		String secretPart = created.secret().substring("writ_pat_".length());
		row.values()
			.forEach((value) -> assertThat(String.valueOf(value)).doesNotContain(secretPart)
				.doesNotContain(created.secret()));
		assertThat(row).containsEntry("token_hash", dev.writ.server.protocol.OpaqueTokens.hash(created.secret()));
	}

	@Test
	void createWhenScopeWiderThanRoleThenRefused() {
		assertThatExceptionOfType(ApiTokenRefusedException.class)
			.isThrownBy(() -> create(Scope.parse("read:projects admin:organization"), Duration.ofDays(1)))
			.withMessageContaining("admin:organization");
		assertThat(apiTokens.list(this.organization).collectList().block()).isEmpty();
	}

	@Test
	void createWhenRoleOfTheOrganizationsOwnThenOnlyTheScopesItsPermissionsCover() {
		server.bean(OrganizationRoles.class)
			.define(this.organization, "deployer", null, List.of("projects:read", "deployments:write"), OPERATOR)
			.block();
		User deployer = member("deployer");
		CreatedApiToken created = apiTokens
			.create(this.organization, deployer.id(), deployer.id(), "CI",
					Scope.parse("read:projects write:deployments"), Duration.ofDays(1))
			.block();
		assertThat(created.token().scope()).isEqualTo(Scope.parse("read:projects write:deployments"));
		assertThatExceptionOfType(ApiTokenRefusedException.class)
			.isThrownBy(
					() -> apiTokens
						.create(this.organization, deployer.id(), deployer.id(), "CI",
								Scope.parse("read:projects write:projects"), Duration.ofDays(1))
						.block())
			.withMessage("the role 'deployer' may not grant the scope 'write:projects'");
	}

	@Test
	void introspectWhenOwnersRoleNarrowedThenScopeShrinksToWhatItStillCovers() {
		OrganizationRoles roles = server.bean(OrganizationRoles.class);
		roles.define(this.organization, "reader", null, List.of("projects:read", "deployments:read"), OPERATOR).block();
		User reader = member("reader");
		CreatedApiToken created = apiTokens
			.create(this.organization, reader.id(), reader.id(), "CI", Scope.parse("read:projects read:deployments"),
					Duration.ofDays(1))
			.block();
		roles.update(this.organization, "reader", null, List.of("projects:read"), OPERATOR).block();

		introspect(created.secret()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.active")
			.isEqualTo(true)
			.jsonPath("$.role")
			.isEqualTo("reader")
			.jsonPath("$.scope")
			.isEqualTo("read:projects");
	}

	@Test
	void createWhenIdentityScopeThenRefused() {
		assertThatExceptionOfType(ApiTokenRefusedException.class)
			.isThrownBy(() -> create(Scope.parse("openid read:projects"), Duration.ofDays(1)))
			.withMessageContaining("openid");
	}

	@Test
	void createWhenCreatorNotMemberThenRefused() {
		User outsider = server.bean(Users.class)
			.create("outsider-" + UUID.randomUUID() + "@test.test", "Outsider", "password-1")
			.block();
		assertThatExceptionOfType(ApiTokenRefusedException.class).isThrownBy(
				() -> apiTokens.create(this.organization, null, outsider.id(), "CI", READ, Duration.ofDays(1)).block())
			.withMessageContaining("not a member");
	}

	@Test
	void createWhenPersonalTokenForSomeoneElseThenRefused() {
		User admin = member("admin");
		assertThatExceptionOfType(ApiTokenRefusedException.class).isThrownBy(
				() -> apiTokens.create(this.organization, this.member.id(), admin.id(), "CI", READ, Duration.ofDays(1))
					.block());
	}

	@Test
	void createWhenNoScopeOrNoNameOrNoLifetimeThenRefused() {
		assertThatExceptionOfType(ApiTokenRefusedException.class)
			.isThrownBy(() -> create(Scope.EMPTY, Duration.ofDays(1)));
		assertThatExceptionOfType(ApiTokenRefusedException.class)
			.isThrownBy(() -> apiTokens.create(this.organization, null, this.member.id(), " ", READ, Duration.ofDays(1))
				.block());
		assertThatExceptionOfType(ApiTokenRefusedException.class).isThrownBy(() -> create(READ, Duration.ZERO));
	}

	@Test
	void createWhenLifetimeBeyondDefaultPolicyThenCappedAtNinetyDays() {
		CreatedApiToken created = create(READ, Duration.ofDays(400));

		assertThat(Duration.between(created.token().createdAt(), created.token().expiresAt()))
			.isEqualTo(Duration.ofDays(90));
	}

	@Test
	void createWhenLifetimeBeyondOrganizationPolicyThenCappedByIt() {
		database.sql("INSERT INTO api_token_policies (organization_id, max_lifetime_seconds) VALUES (:org, 3600)")
			.bind("org", this.organization)
			.then()
			.block();

		CreatedApiToken created = create(READ, Duration.ofDays(30));

		assertThat(Duration.between(created.token().createdAt(), created.token().expiresAt()))
			.isEqualTo(Duration.ofHours(1));
	}

	@Test
	void introspectWhenPersonalTokenThenClaimsOfTheOwnerInTheOrganization() {
		CreatedApiToken created = create(READ, Duration.ofDays(7));
		ApiToken token = created.token();

		introspect(created.secret()).expectStatus()
			.isOk()
			.expectBody()
			.json("""
					{"active":true,"scope":"read:projects","client_id":"%s","sub":"%s","iss":"%s","exp":%d,"iat":%d,
					 "jti":"%s","org":"%s","role":"member","token_type":"Bearer"}""".formatted(token.id(),
					this.member.id(), server.baseUrl(), token.expiresAt().getEpochSecond(),
					token.createdAt().getEpochSecond(), token.id(), this.organization), JsonCompareMode.STRICT);
	}

	@Test
	void introspectWhenOrganizationOwnedTokenThenNoRoleAndItsIdAsSubject() {
		CreatedApiToken created = apiTokens
			.create(this.organization, null, this.member.id(), "Deploy bot", READ, Duration.ofDays(7))
			.block();

		introspect(created.secret()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.sub")
			.isEqualTo(created.token().id())
			.jsonPath("$.role")
			.doesNotExist()
			.jsonPath("$.org")
			.isEqualTo(this.organization);
	}

	@Test
	void introspectWhenOwnerLeftOrganizationThenInactive() {
		CreatedApiToken created = create(READ, Duration.ofDays(7));
		database.sql("DELETE FROM memberships WHERE user_id = :user").bind("user", this.member.id()).then().block();

		introspect(created.secret()).expectStatus()
			.isOk()
			.expectBody()
			.json("{\"active\":false}", JsonCompareMode.STRICT);
	}

	@Test
	void introspectWhenExpiredThenInactive() {
		CreatedApiToken created = create(READ, Duration.ofDays(7));
		database.sql(
				"UPDATE api_tokens SET created_at = now() - interval '1 day', expires_at = now() - interval '1 second' WHERE id = :id")
			.bind("id", created.token().id())
			.then()
			.block();

		introspect(created.secret()).expectStatus()
			.isOk()
			.expectBody()
			.json("{\"active\":false}", JsonCompareMode.STRICT);
	}

	@Test
	void introspectWhenUnknownSecretWithPrefixThenInactive() {
		introspect("writ_pat_" + "A".repeat(43)).expectStatus()
			.isOk()
			.expectBody()
			.json("{\"active\":false}", JsonCompareMode.STRICT);
	}

	@Test
	void revokeWhenActiveThenInactiveAndAnnouncedUnderItsId() {
		CreatedApiToken created = create(READ, Duration.ofDays(7));
		introspect(created.secret()).expectBody().jsonPath("$.active").isEqualTo(true);
		ReactiveRedisMessageListenerContainer listener = new ReactiveRedisMessageListenerContainer(
				server.bean(ReactiveRedisConnectionFactory.class));
		try {
			Flux<String> messages = listener.receiveLater(ChannelTopic.of(RevocationList.CHANNEL))
				.block()
				.map((message) -> message.getMessage());
			String expected = "{\"jti\":\"" + created.token().id() + "\",\"exp\":"
					+ created.token().expiresAt().getEpochSecond() + "}";
			StepVerifier.create(messages.filter(expected::equals).take(1))
				.then(() -> apiTokens.revoke(this.organization, created.token().id()).block())
				.expectNext(expected)
				.expectComplete()
				.verify(Duration.ofSeconds(5));
		}
		finally {
			listener.destroy();
		}

		introspect(created.secret()).expectBody().json("{\"active\":false}", JsonCompareMode.STRICT);
		assertThat(server.bean(RevocationList.class).isRevoked(created.token().id()).block()).isTrue();
		assertThat(apiTokens.list(this.organization).blockFirst().revokedAt()).isNotNull();
	}

	@Test
	void revokeWhenUnknownOrOtherOrganizationsThenNotFound() {
		CreatedApiToken created = create(READ, Duration.ofDays(7));

		assertThatExceptionOfType(ApiTokenNotFoundException.class)
			.isThrownBy(() -> apiTokens.revoke(this.organization, "pat_unknown").block());
		assertThatExceptionOfType(ApiTokenNotFoundException.class)
			.isThrownBy(() -> apiTokens.revoke("org_acme", created.token().id()).block());
		introspect(created.secret()).expectBody().jsonPath("$.active").isEqualTo(true);
	}

	@Test
	void listWhenUsedThenFieldsAndLastUseAfterFlush() {
		CreatedApiToken first = create(READ, Duration.ofDays(7));
		CreatedApiToken second = apiTokens
			.create(this.organization, null, this.member.id(), "Deploy bot",
					Scope.parse("read:deployments write:deployments"), Duration.ofDays(30))
			.block();
		Instant before = Instant.now().minusSeconds(1);
		introspect(first.secret()).expectBody().jsonPath("$.active").isEqualTo(true);

		ApiTokenLastUse lastUse = server.bean(ApiTokenLastUse.class);
		// A scheduled flush may take the entry first; either way it reaches the table.
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			lastUse.flush().block();
			assertThat(apiTokens.list(this.organization)
				.filter((token) -> token.id().equals(first.token().id()))
				.blockFirst()
				.lastUsedAt()).isNotNull();
		});

		List<ApiToken> listed = apiTokens.list(this.organization).collectList().block();
		// oldest first; two tokens made within one clock tick may come in either order
		assertThat(listed).extracting(ApiToken::id).containsExactlyInAnyOrder(first.token().id(), second.token().id());
		ApiToken used = listed.stream().filter((token) -> token.id().equals(first.token().id())).findFirst().get();
		assertThat(used.name()).isEqualTo("CI");
		assertThat(used.scope()).isEqualTo(READ);
		assertThat(used.createdBy()).isEqualTo(this.member.id());
		assertThat(used.ownerUserId()).isEqualTo(this.member.id());
		assertThat(used.createdAt()).isEqualTo(first.token().createdAt());
		assertThat(used.expiresAt()).isEqualTo(first.token().expiresAt());
		assertThat(used.revokedAt()).isNull();
		assertThat(used.lastUsedAt()).isAfter(before).isBefore(Instant.now().plusSeconds(1));
		ApiToken unused = listed.stream().filter((token) -> token.id().equals(second.token().id())).findFirst().get();
		assertThat(unused.ownerUserId()).isNull();
		assertThat(unused.lastUsedAt()).isNull();
	}

	@Test
	void flushWhenTokenNotInThisDatabaseThenEntryKept() {
		ApiTokenLastUse lastUse = server.bean(ApiTokenLastUse.class);
		String id = "pat_" + UUID.randomUUID().toString().replace("-", "");
		ReactiveStringRedisTemplate redis = server.bean(ReactiveStringRedisTemplate.class);
		try {
			lastUse.record(id).block();

			lastUse.flush().block();

			assertThat(redis.hasKey(ApiTokenLastUse.KEY_PREFIX + id).block()).isTrue();
		}
		finally {
			redis.delete(ApiTokenLastUse.KEY_PREFIX + id).block();
		}
	}

	@Test
	void flushWhenNothingUsedThenNoDatabaseWrite() {
		create(READ, Duration.ofDays(7));

		server.bean(ApiTokenLastUse.class).flush().block();

		assertThat(apiTokens.list(this.organization).blockFirst().lastUsedAt()).isNull();
	}

}
