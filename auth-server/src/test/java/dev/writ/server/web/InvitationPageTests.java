package dev.writ.server.web;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.writ.server.account.User;
import dev.writ.server.account.Users;
import dev.writ.server.invitation.Invitations;
import dev.writ.server.org.Memberships;
import dev.writ.server.org.OrganizationRole;
import dev.writ.server.test.HttpBrowser;
import dev.writ.server.test.ReceivedMail;
import dev.writ.server.test.TestAuthServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invitation page over HTTP, from the link in the email that arrived at the test SMTP
 * server: sign in, accept, and the link is used up.
 */
class InvitationPageTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final String PASSWORD = "correct horse battery staple";

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	private static TestAuthServer server;

	@BeforeAll
	static void start() {
		// a server of its own: the tests add memberships
		server = TestAuthServer.start(Map.of("spring.profiles.active", "demo", "spring.mail.host", "127.0.0.1",
				"spring.mail.port", smtp.getSmtp().getPort()));
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	private static User newUser() {
		return server.bean(Users.class)
			.create("invitee-" + UUID.randomUUID() + "@example.test", "Invitee", PASSWORD)
			.block(TIMEOUT);
	}

	/** Alice invites the address to Acme; answers the link of the email that arrived. */
	private static String invite(String email, String role) {
		server.bean(Invitations.class).invite("org_acme", email, role, "usr_alice").block(TIMEOUT);
		return ReceivedMail.invitationLink(ReceivedMail.awaitOne(smtp, email));
	}

	private static HttpBrowser signedIn(String email, String password) {
		HttpBrowser browser = new HttpBrowser(server.baseUrl());
		assertThat(browser.signIn(email, password).getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
		return browser;
	}

	@Test
	void acceptWhenFollowedFromTheEmailThenJoinsAndTheLinkIsUsedUp() {
		User invitee = newUser();
		String link = invite(invitee.email(), "member");
		String path = URI.create(link).getPath();
		HttpBrowser browser = new HttpBrowser(server.baseUrl());

		EntityExchangeResult<String> signedOut = browser.get(link);
		assertThat(signedOut.getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
		URI signIn = HttpBrowser.location(signedOut);
		assertThat(signIn.getPath()).isEqualTo("/login");
		Map<String, String> query = UriComponentsBuilder.fromUri(signIn)
			.build(true)
			.getQueryParams()
			.toSingleValueMap();
		assertThat(query).containsEntry("continue", encoded(path))
			.containsEntry("login_hint", encoded(invitee.email()));

		EntityExchangeResult<String> back = browser.signIn(signIn.toString(), invitee.email(), PASSWORD);
		assertThat(back.getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
		assertThat(HttpBrowser.location(back).toString()).isEqualTo(path);

		EntityExchangeResult<String> page = browser.get(path);
		assertThat(page.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(page.getResponseBody()).contains("Join Acme Corporation")
			.contains("as <strong>member</strong>")
			.contains("Signed in as <strong>" + invitee.email() + "</strong>")
			.contains("<form method=\"post\" action=\"" + path + "\">")
			.contains("Accept invitation");

		EntityExchangeResult<String> joined = browser.submit(page.getResponseBody(), path);
		assertThat(joined.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(joined.getResponseBody()).contains("You joined Acme Corporation")
			.contains("Your role there: <strong>member</strong>");
		assertThat(server.bean(Memberships.class).findByUserId(invitee.id()).collectList().block(TIMEOUT))
			.containsExactly(new OrganizationRole("org_acme", "member"));

		EntityExchangeResult<String> again = browser.get(link);
		assertThat(again.getStatus()).isEqualTo(HttpStatus.GONE);
		assertThat(again.getResponseBody()).contains("This invitation has already been used");
		EntityExchangeResult<String> postedAgain = browser.submit(page.getResponseBody(), path);
		assertThat(postedAgain.getStatus()).isEqualTo(HttpStatus.GONE);
		assertThat(postedAgain.getResponseBody()).contains("This invitation has already been used");
	}

	@Test
	void showWhenSignedInAsSomeoneElseThenRefusedReadably() {
		User invitee = newUser();
		String path = URI.create(invite(invitee.email(), "member")).getPath();
		HttpBrowser adam = signedIn("adam@acme.test", "writ-demo-password");

		EntityExchangeResult<String> page = adam.get(path);
		assertThat(page.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(page.getResponseBody()).contains("This invitation is for someone else")
			.contains(invitee.email())
			.contains("adam@acme.test")
			.doesNotContain("Accept invitation");

		// posting anyway changes nothing: the invitation stays the invitee's
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("_csrf", HttpBrowser.hiddenFields(adam.get("/login").getResponseBody()).getFirst("_csrf"));
		assertThat(adam.post(path, form).getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		HttpBrowser browser = signedIn(invitee.email(), PASSWORD);
		assertThat(browser.get(path).getStatus()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void showWhenInvitedAddressHasNoAccountThenSaysOneIsNeeded() {
		String email = "newcomer-" + UUID.randomUUID() + "@example.test";
		String link = invite(email, "member");
		EntityExchangeResult<String> page = new HttpBrowser(server.baseUrl()).get(link);
		assertThat(page.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(page.getResponseBody()).contains("Join Acme Corporation")
			.contains(email)
			.contains("has no Writ account yet");
	}

	@Test
	void showWhenUnknownTokenThenNotFoundPage() {
		EntityExchangeResult<String> page = new HttpBrowser(server.baseUrl()).get("/invitations/writ_inv_unknown");
		assertThat(page.getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(page.getResponseBody()).contains("This invitation link is not valid");
	}

	@Test
	void showWhenExpiredThenExpiredPage() {
		User invitee = newUser();
		String link = invite(invitee.email(), "member");
		server.bean(org.springframework.r2dbc.core.DatabaseClient.class)
			.sql("UPDATE invitations SET created_at = now() - interval '8 days', expires_at = now() - interval '1 day'"
					+ " WHERE email = :email")
			.bind("email", invitee.email())
			.then()
			.block(TIMEOUT);
		EntityExchangeResult<String> page = signedIn(invitee.email(), PASSWORD).get(link);
		assertThat(page.getStatus()).isEqualTo(HttpStatus.GONE);
		assertThat(page.getResponseBody()).contains("This invitation has expired");
	}

	@Test
	void acceptWhenPostedWithoutCsrfTokenThenForbiddenAndNotUsed() {
		User invitee = newUser();
		String path = URI.create(invite(invitee.email(), "member")).getPath();
		HttpBrowser browser = signedIn(invitee.email(), PASSWORD);
		assertThat(browser.post(path, new LinkedMultiValueMap<>()).getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(browser.get(path).getResponseBody()).contains("Accept invitation");
	}

	@Test
	void acceptWhenSignedOutThenSignInFirst() {
		User invitee = newUser();
		String path = URI.create(invite(invitee.email(), "member")).getPath();
		HttpBrowser browser = new HttpBrowser(server.baseUrl());
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("_csrf", HttpBrowser.hiddenFields(browser.get("/login").getResponseBody()).getFirst("_csrf"));
		EntityExchangeResult<String> result = browser.post(path, form);
		assertThat(result.getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
		assertThat(HttpBrowser.location(result).toString()).isEqualTo(SignInPage.signInFor(path));
	}

	@Test
	void signInWhenContinueLeavesTheInvitationPathThenSessionsPageInstead() {
		assertThat(SignInPage.safeContinue("/invitations/writ_inv_abc-DEF_123"))
			.isEqualTo("/invitations/writ_inv_abc-DEF_123");
		assertThat(SignInPage.safeContinue("/invitations/../oauth2/token")).isEqualTo(SessionsPage.PATH);
		assertThat(SignInPage.safeContinue("/invitations//evil.example")).isEqualTo(SessionsPage.PATH);
		assertThat(SignInPage.safeContinue("/invitations/")).isEqualTo(SessionsPage.PATH);
	}

	private static String encoded(String value) {
		return UriComponentsBuilder.fromPath("/")
			.queryParam("v", "{v}")
			.encode()
			.buildAndExpand(value)
			.getQuery()
			.substring(2);
	}

}
