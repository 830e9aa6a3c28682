package dev.writ.server.admin;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.writ.server.event.Actor;
import dev.writ.server.org.Permissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every rule of {@link ClientRegistrationValidator}, one broken at a time, each reported
 * with the pointer of the member that breaks it.
 */
class ClientRegistrationValidatorTests {

	private static final ClientAdministrator PLATFORM = ClientAdministrator.platform(Actor.client("operator"));

	private static final ClientAdministrator ORG_ADMIN = ClientAdministrator.ofOrganization(Actor.user("usr_admin"),
			"org_a", "admin", Permissions.ofBuiltIn("admin"));

	private static final ClientRegistration WEB = ClientRegistration.builder()
		.name("Web app")
		.grantTypes(List.of("authorization_code", "refresh_token"))
		.redirectUris(List.of("https://app.example.test/callback"))
		.postLogoutRedirectUris(List.of("https://app.example.test/signed-out"))
		.scopes(List.of("openid", "offline_access", "read:projects"))
		.audiences(List.of("https://api.example.test"))
		.build();

	private static final ClientRegistration MACHINE = ClientRegistration.builder()
		.name("Nightly job")
		.grantTypes(List.of("client_credentials"))
		.scopes(List.of("read:projects"))
		.organization("org_a", "member")
		.build();

	private static final ClientRegistration SPA = ClientRegistration.builder()
		.name("Single-page app")
		.grantTypes(List.of("authorization_code"))
		.tokenEndpointAuthMethod("none")
		.redirectUris(List.of("http://127.0.0.1:3000/callback"))
		.scopes(List.of("openid"))
		.build();

	private final ClientRegistrationValidator validator = new ClientRegistrationValidator(Duration.ofHours(24));

	static Stream<Arguments> brokenRules() throws JOSEException {
		ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
		Map<String, Object> publicKeys = new JWKSet(key.toPublicJWK()).toJSONObject(true);
		Map<String, Object> privateKeys = new JWKSet(key).toJSONObject(false);
		ClientRegistration signing = MACHINE.toBuilder().tokenEndpointAuthMethod("private_key_jwt").build();
		return Stream.of(broken("blank name", WEB, (b) -> b.name(" "), "#/name", "must not be blank"),
				broken("no name", WEB, (b) -> b.name(null), "#/name", "must not be blank"),
				broken("long name", WEB, (b) -> b.name("n".repeat(201)), "#/name", "at most 200 characters"),
				broken("no grant type", WEB,
						(b) -> b.grantTypes(List.of())
							.redirectUris(List.of())
							.postLogoutRedirectUris(List.of())
							.scopes(List.of()),
						"#/grantTypes", "at least one grant type"),
				broken("implicit grant", SPA, (b) -> b.grantTypes(List.of("authorization_code", "implicit")),
						"#/grantTypes/1", "OAuth 2.1 removed it"),
				broken("password grant", MACHINE, (b) -> b.grantTypes(List.of("password", "client_credentials")),
						"#/grantTypes/0", "OAuth 2.1 removed it"),
				broken("unknown grant", MACHINE,
						(b) -> b
							.grantTypes(List.of("client_credentials", "urn:ietf:params:oauth:grant-type:jwt-bearer")),
						"#/grantTypes/1", "must be one of authorization_code, refresh_token, client_credentials"),
				broken("null grant", MACHINE, (b) -> b.grantTypes(Arrays.asList("client_credentials", null)),
						"#/grantTypes/1", "must be one of"),
				broken("refresh without code", MACHINE,
						(b) -> b.grantTypes(List.of("client_credentials", "refresh_token")), "#/grantTypes",
						"refresh_token needs authorization_code"),
				broken("unknown method", WEB, (b) -> b.tokenEndpointAuthMethod("tls_client_auth"),
						"#/tokenEndpointAuthMethod", "must be one of"),
				broken("no method", WEB, (b) -> b.tokenEndpointAuthMethod(null), "#/tokenEndpointAuthMethod",
						"must be one of"),
				broken("public client_credentials", MACHINE, (b) -> b.tokenEndpointAuthMethod("none"), "#/grantTypes",
						"client_credentials needs a confidential client (RFC 6749 §4.4)"),
				broken("public without PKCE", SPA, (b) -> b.requirePkce(false), "#/requirePkce",
						"must be true for a public client (RFC 9700 §2.1.1)"),
				broken("code without redirect URI", WEB, (b) -> b.redirectUris(List.of()), "#/redirectUris",
						"needs at least one redirect URI"),
				broken("http redirect", WEB, (b) -> b.redirectUris(List.of("http://app.example.test/callback")),
						"#/redirectUris/0", "must use https, or http to the loopback address"),
				broken("localhost redirect", SPA, (b) -> b.redirectUris(List.of("http://localhost:3000/callback")),
						"#/redirectUris/0", "must use https, or http to the loopback address"),
				broken("custom scheme redirect", SPA, (b) -> b.redirectUris(List.of("com.example.app:/callback")),
						"#/redirectUris/0", "must use https"),
				broken("redirect with fragment", WEB,
						(b) -> b
							.redirectUris(List.of("https://app.example.test/callback", "https://app.example.test/#x")),
						"#/redirectUris/1", "must not have a fragment"),
				broken("relative redirect", WEB, (b) -> b.redirectUris(List.of("/callback")), "#/redirectUris/0",
						"must be an absolute URI"),
				broken("unparseable redirect", WEB, (b) -> b.redirectUris(List.of("https://app example/")),
						"#/redirectUris/0", "must be an absolute URI"),
				broken("redirect without host", WEB, (b) -> b.redirectUris(List.of("https:///callback")),
						"#/redirectUris/0", "must name a host"),
				broken("wildcard redirect", WEB, (b) -> b.redirectUris(List.of("https://*.example.test/callback")),
						"#/redirectUris/0", "must name a host"),
				broken("long redirect", WEB,
						(b) -> b.redirectUris(List.of("https://app.example.test/" + "a".repeat(2000))),
						"#/redirectUris/0", "at most 2000 characters"),
				broken("null redirect", WEB, (b) -> b.redirectUris(Collections.singletonList(null)), "#/redirectUris/0",
						"must be a string"),
				broken("too many redirects", WEB, (b) -> b.redirectUris(
						IntStream.range(0, 101).mapToObj((i) -> "https://app.example.test/callback/" + i).toList()),
						"#/redirectUris", "at most 100 entries"),
				broken("redirect without code grant", MACHINE,
						(b) -> b.redirectUris(List.of("https://app.example.test/callback")), "#/redirectUris",
						"only a client with the authorization_code grant"),
				broken("logout redirect without code grant", MACHINE,
						(b) -> b.postLogoutRedirectUris(List.of("https://app.example.test/out")),
						"#/postLogoutRedirectUris", "only a client with the authorization_code grant"),
				broken("http logout redirect", WEB,
						(b) -> b.postLogoutRedirectUris(List.of("http://app.example.test/out")),
						"#/postLogoutRedirectUris/0", "must use https"),
				broken("malformed scope", WEB, (b) -> b.scopes(List.of("openid", "read projects")), "#/scopes/1",
						"must be a scope token (RFC 6749 §3.3)"),
				broken("scope with a quote", WEB, (b) -> b.scopes(List.of("say\"hi")), "#/scopes/0",
						"must be a scope token"),
				broken("null scope", WEB, (b) -> b.scopes(Collections.singletonList(null)), "#/scopes/0",
						"must be a scope token"),
				broken("identity scope for a machine", MACHINE, (b) -> b.scopes(List.of("read:projects", "openid")),
						"#/scopes/1", "is about a user"),
				broken("too many scopes", WEB,
						(b) -> b.scopes(IntStream.range(0, 101).mapToObj((i) -> "scope" + i).toList()), "#/scopes",
						"at most 100 entries"),
				broken("default scope not a scope", WEB, (b) -> b.defaultScopes(List.of("openid", "write:projects")),
						"#/defaultScopes/1", "must be one of the client's scopes"),
				broken("relative audience", WEB, (b) -> b.audiences(List.of("api")), "#/audiences/0",
						"must be an absolute URI"),
				broken("audience with fragment", WEB, (b) -> b.audiences(List.of("https://api.example.test/#v1")),
						"#/audiences/0", "must not have a fragment (RFC 8707 §2)"),
				broken("role without organization", WEB, (b) -> b.organizationRole("member"), "#/organizationRole",
						"needs an organization"),
				broken("blank organization", MACHINE, (b) -> b.organization(" "), "#/organization",
						"must not be blank"),
				broken("unknown role", MACHINE, (b) -> b.organizationRole("root"), "#/organizationRole",
						"must be one of owner, admin, member"),
				broken("zero access token lifetime", MACHINE, (b) -> b.accessTokenTimeToLive(Duration.ZERO),
						"#/accessTokenTimeToLive", "must be positive"),
				broken("negative access token lifetime", MACHINE,
						(b) -> b.accessTokenTimeToLive(Duration.ofMinutes(-1)), "#/accessTokenTimeToLive",
						"must be positive"),
				broken("fractional access token lifetime", MACHINE,
						(b) -> b.accessTokenTimeToLive(Duration.ofMillis(1500)), "#/accessTokenTimeToLive",
						"must be whole seconds"),
				broken("long access token lifetime", MACHINE, (b) -> b.accessTokenTimeToLive(Duration.ofHours(25)),
						"#/accessTokenTimeToLive", "must not exceed PT24H (writ.token.max-access-token-time-to-live)"),
				broken("idle lifetime without refresh", SPA, (b) -> b.refreshTokenIdleTimeToLive(Duration.ofDays(1)),
						"#/refreshTokenIdleTimeToLive", "only for a client with the refresh_token grant"),
				broken("absolute lifetime without refresh", SPA,
						(b) -> b.refreshTokenAbsoluteTimeToLive(Duration.ofDays(1)), "#/refreshTokenAbsoluteTimeToLive",
						"only for a client with the refresh_token grant"),
				broken("long refresh lifetime", WEB, (b) -> b.refreshTokenAbsoluteTimeToLive(Duration.ofDays(366)),
						"#/refreshTokenAbsoluteTimeToLive", "must not exceed PT8760H"),
				broken("idle beyond absolute", WEB,
						(b) -> b.refreshTokenIdleTimeToLive(Duration.ofDays(2))
							.refreshTokenAbsoluteTimeToLive(Duration.ofDays(1)),
						"#/refreshTokenIdleTimeToLive", "must not exceed refreshTokenAbsoluteTimeToLive"),
				broken("refresh without offline_access but no refresh", SPA,
						(b) -> b.refreshTokenWithoutOfflineAccess(true), "#/refreshTokenWithoutOfflineAccess",
						"only for a client with the refresh_token grant"),
				broken("key URI for a secret client", MACHINE, (b) -> b.jwksUri("https://job.example.test/jwks"),
						"#/jwksUri", "only for token endpoint authentication 'private_key_jwt'"),
				broken("keys for a secret client", MACHINE, (b) -> b.jwks(publicKeys), "#/jwks",
						"only for token endpoint authentication 'private_key_jwt'"),
				broken("private_key_jwt without keys", signing, (b) -> b, "#/jwksUri",
						"private_key_jwt needs jwksUri or jwks"),
				broken("keys by value and reference", signing,
						(b) -> b.jwksUri("https://job.example.test/jwks").jwks(publicKeys), "#/jwks",
						"must not be given together with jwksUri"),
				broken("http key URI", signing, (b) -> b.jwksUri("http://job.example.test/jwks"), "#/jwksUri",
						"must be an https URI"),
				broken("not a key set", signing, (b) -> b.jwks(Map.of("keys", "none")), "#/jwks", "must be a JWK Set"),
				broken("empty key set", signing, (b) -> b.jwks(Map.of("keys", List.of())), "#/jwks",
						"at least one key"),
				broken("private key", signing, (b) -> b.jwks(privateKeys), "#/jwks", "must hold public keys only"));
	}

	private static Arguments broken(String rule, ClientRegistration valid,
			UnaryOperator<ClientRegistration.Builder> change, String pointer, String detail) {
		return arguments(rule, change.apply(valid.toBuilder()).build(), pointer, detail);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenRules")
	void validateWhenRuleBrokenThenThatMembersError(String rule, ClientRegistration registration, String pointer,
			String detail) {
		assertThatExceptionOfType(ClientValidationException.class)
			.isThrownBy(() -> this.validator.validate(registration, PLATFORM))
			.satisfies((ex) -> {
				assertThat(ex.errors()).hasSize(1);
				assertThat(ex.errors().get(0).pointer()).isEqualTo(pointer);
				assertThat(ex.errors().get(0).detail()).contains(detail);
			});
	}

	@Test
	void validateWhenValidThenUnchanged() {
		assertThat(this.validator.validate(WEB, PLATFORM)).isEqualTo(WEB);
		assertThat(this.validator.validate(MACHINE, PLATFORM)).isEqualTo(MACHINE);
		assertThat(this.validator.validate(SPA, PLATFORM)).isEqualTo(SPA);
	}

	@Test
	void validateWhenLoopbackIpv6RedirectWithPortThenValid() {
		ClientRegistration native6 = SPA.toBuilder().redirectUris(List.of("http://[::1]:51234/callback")).build();
		assertThat(this.validator.validate(native6, PLATFORM)).isEqualTo(native6);
	}

	@Test
	void validateWhenPrivateKeyJwtWithPublicKeysOrKeyUriThenValid() throws JOSEException {
		ECKey key = new ECKeyGenerator(Curve.P_256).generate();
		ClientRegistration byValue = MACHINE.toBuilder()
			.tokenEndpointAuthMethod("private_key_jwt")
			.jwks(new JWKSet(key.toPublicJWK()).toJSONObject(true))
			.build();
		ClientRegistration byReference = MACHINE.toBuilder()
			.tokenEndpointAuthMethod("private_key_jwt")
			.jwksUri("https://job.example.test/jwks")
			.build();
		assertThat(this.validator.validate(byValue, PLATFORM)).isEqualTo(byValue);
		assertThat(this.validator.validate(byReference, PLATFORM)).isEqualTo(byReference);
	}

	@Test
	void validateWhenSeveralRulesBrokenThenEveryOneInMemberOrder() {
		ClientRegistration registration = WEB.toBuilder()
			.name("")
			.redirectUris(List.of("http://app.example.test/cb"))
			.scopes(List.of("a b"))
			.accessTokenTimeToLive(Duration.ZERO)
			.build();
		assertThatExceptionOfType(ClientValidationException.class)
			.isThrownBy(() -> this.validator.validate(registration, PLATFORM))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(AdminProblem.FieldError::pointer)
				.containsExactly("#/name", "#/redirectUris/0", "#/scopes/0", "#/accessTokenTimeToLive"));
	}

	@Test
	void validateWhenOrganizationGivenWithoutRoleThenMember() {
		ClientRegistration valid = this.validator.validate(MACHINE.toBuilder().organizationRole(null).build(),
				PLATFORM);
		assertThat(valid.organizationRole()).isEqualTo("member");
	}

	@Test
	void validateWhenOrganizationAdministratorNamesNoOrganizationThenTheirsAsMember() {
		ClientRegistration valid = this.validator.validate(WEB, ORG_ADMIN);
		assertThat(valid.organization()).isEqualTo("org_a");
		assertThat(valid.organizationRole()).isEqualTo("member");
	}

	@Test
	void validateWhenOrganizationAdministratorNamesOtherOrganizationOrRoleThenValidAsFarAsTheRulesGo() {
		// what the administrator may give is ClientAdministrator's business
		ClientRegistration other = MACHINE.toBuilder().organization("org_b", "owner").build();
		assertThat(this.validator.validate(other, ORG_ADMIN)).isEqualTo(other);
	}

}
