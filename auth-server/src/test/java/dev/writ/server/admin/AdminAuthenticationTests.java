package dev.writ.server.admin;

import java.time.Duration;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import dev.writ.server.account.User;
import dev.writ.server.test.AccessTokens;
import dev.writ.server.test.AdminApiServer;
import dev.writ.server.test.AdminFixtures;
import dev.writ.server.test.TestAuthServer;
import dev.writ.server.token.RevocationList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.reactive.function.server.MockServerRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Who the admin API believes is calling: only this server's current, unrevoked access
 * tokens in the {@code Authorization} header, of a user who is not disabled.
 */
class AdminAuthenticationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static TestAuthServer server;

	private static AdminAuthentication authentication;

	private static AdminFixtures fixtures;

	@BeforeAll
	static void start() {
		server = AdminApiServer.get();
		authentication = server.bean(AdminAuthentication.class);
		fixtures = new AdminFixtures(server);
	}

	private static MockServerRequest request(String... authorization) {
		MockServerRequest.Builder request = MockServerRequest.builder()
			.method(HttpMethod.GET)
			.uri(java.net.URI.create("/admin/api/organizations"));
		for (String value : authorization) {
			request.header(HttpHeaders.AUTHORIZATION, value);
		}
		return request.build();
	}

	private static AdminProblem refusal(MockServerRequest request) {
		AdminProblem[] problem = new AdminProblem[1];
		assertThatExceptionOfType(AdminProblem.class)
			.isThrownBy(() -> authentication.authenticate(request).block(TIMEOUT))
			.satisfies((thrown) -> problem[0] = thrown);
		return problem[0];
	}

	@Test
	void authenticateWhenUserTokenThenUserCallerInTheTokensOrganization() {
		String token = AccessTokens.forUser(server, "alice@acme.test", AccessTokens.DEMO_PASSWORD,
				"openid manage:organization");
		AdminCaller caller = authentication.authenticate(request("Bearer " + token)).block(TIMEOUT);
		assertThat(caller.subject()).isEqualTo("usr_alice");
		assertThat(caller.clientId()).isEqualTo(AccessTokens.WEB);
		assertThat(caller.user()).isTrue();
		assertThat(caller.organizationId()).isEqualTo("org_acme");
		assertThat(caller.hasScope("manage:organization")).isTrue();
		assertThat(caller.isOrganizationUser()).isTrue();
		assertThat(caller.actor().kind()).isEqualTo("user");
	}

	@Test
	void authenticateWhenClientCredentialsTokenThenMachineCaller() {
		String token = AccessTokens.forPlatform(server, "admin:organizations");
		AdminCaller caller = authentication.authenticate(request("bearer " + token)).block(TIMEOUT);
		assertThat(caller.user()).isFalse();
		assertThat(caller.subject()).isEqualTo(AccessTokens.ADMIN);
		assertThat(caller.organizationId()).isNull();
		assertThat(caller.isPlatform("admin:organizations")).isTrue();
		assertThat(caller.isPlatform("admin:users")).isFalse();
		assertThat(caller.actor().kind()).isEqualTo("client");
	}

	@Test
	void authenticateWhenNoTokenThenUnauthorizedWithoutErrorCode() {
		AdminProblem problem = refusal(request());
		assertThat(problem.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(problem.slug()).isEqualTo("unauthorized");
		assertThat(problem.wwwAuthenticate()).isEqualTo("Bearer");
	}

	@Test
	void authenticateWhenOtherSchemeThenUnauthorizedWithoutErrorCode() {
		AdminProblem problem = refusal(request("Basic ZGVtby1hZG1pbjpkZW1vLWFkbWluLXNlY3JldA=="));
		assertThat(problem.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(problem.wwwAuthenticate()).isEqualTo("Bearer");
	}

	@Test
	void authenticateWhenTwoAuthorizationHeadersThenInvalidRequest() {
		String token = AccessTokens.forPlatform(server, "admin:organizations");
		AdminProblem problem = refusal(request("Bearer " + token, "Bearer " + token));
		assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(problem.wwwAuthenticate()).isEqualTo("Bearer error=\"invalid_request\"");
	}

	@Test
	void authenticateWhenNotATokenOfOursThenInvalidToken() {
		AdminProblem problem = refusal(request("Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."));
		assertThat(problem.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(problem.wwwAuthenticate()).isEqualTo("Bearer error=\"invalid_token\"");
	}

	@Test
	void authenticateWhenTokenForAnotherAudienceThenInvalidToken() {
		// a valid token of this server, addressed to sample-api only (RFC 9068 §4)
		String token = AccessTokens.forClient(server, "demo-m2m", "demo-m2m-secret", "read:projects");
		AdminProblem problem = refusal(request("Bearer " + token));
		assertThat(problem.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(problem.detail()).contains("not for the admin API");
		assertThat(problem.wwwAuthenticate()).isEqualTo("Bearer error=\"invalid_token\"");
	}

	@Test
	void authenticateWhenAudienceNamesTheAdminApiAmongOthersThenCaller() {
		// demo-web's tokens are for sample-api and the admin API at once
		String token = AccessTokens.forUser(server, "alice@acme.test", AccessTokens.DEMO_PASSWORD,
				"openid manage:organization");
		assertThat(authentication.authenticate(request("Bearer " + token)).block(TIMEOUT).subject())
			.isEqualTo("usr_alice");
	}

	@Test
	void authenticateWhenApiTokenThenInvalidToken() {
		AdminProblem problem = refusal(request("Bearer writ_pat_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
		assertThat(problem.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(problem.detail()).contains("API tokens");
		assertThat(problem.wwwAuthenticate()).isEqualTo("Bearer error=\"invalid_token\"");
	}

	@Test
	void authenticateWhenIdTokenThenInvalidToken() {
		Map<String, Object> tokens = AccessTokens.tokenResponse(server, "alice@acme.test", AccessTokens.DEMO_PASSWORD,
				"openid manage:organization", null);
		AdminProblem problem = refusal(request("Bearer " + tokens.get("id_token")));
		assertThat(problem.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void authenticateWhenRevokedThenInvalidToken() throws Exception {
		String token = AccessTokens.forPlatform(server, "admin:organizations");
		SignedJWT jwt = SignedJWT.parse(token);
		server.bean(RevocationList.class)
			.revoke(jwt.getJWTClaimsSet().getJWTID(), jwt.getJWTClaimsSet().getExpirationTime().toInstant())
			.block(TIMEOUT);
		assertThat(refusal(request("Bearer " + token)).status()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void authenticateWhenUserDisabledThenInvalidToken() {
		String organization = fixtures.organization();
		User user = fixtures.member(organization, "admin");
		String token = fixtures.token(user);
		assertThat(authentication.authenticate(request("Bearer " + token)).block(TIMEOUT).subject())
			.isEqualTo(user.id());
		fixtures.disable(user);
		assertThat(refusal(request("Bearer " + token)).status()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

}
