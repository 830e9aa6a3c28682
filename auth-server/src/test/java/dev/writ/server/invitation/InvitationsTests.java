package dev.writ.server.invitation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.writ.devstack.FreePorts;
import dev.writ.server.account.User;
import dev.writ.server.account.Users;
import dev.writ.server.event.Actor;
import dev.writ.server.mail.MailNotSentException;
import dev.writ.server.org.Grantor;
import dev.writ.server.org.Memberships;
import dev.writ.server.org.OrganizationRole;
import dev.writ.server.org.OrganizationRoles;
import dev.writ.server.org.UnknownRoleException;
import dev.writ.server.protocol.OpaqueTokens;
import dev.writ.server.test.ReceivedMail;
import dev.writ.server.test.TestAuthServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.r2dbc.core.DatabaseClient;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Inviting by email through a real SMTP server (GreenMail), and accepting on the real
 * database: the email arrives with the link, the link joins the organization once, and
 * every way a link cannot be used is refused with its reason.
 */
class InvitationsTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	/** A fixed port, so that the SMTP server can be stopped and started again on it. */
	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.port(FreePorts.find()))
		.withPerMethodLifecycle(false);

	private static TestAuthServer server;

	private static Invitations invitations;

	private static Memberships memberships;

	private static DatabaseClient database;

	@BeforeAll
	static void start() {
		// a server of its own: the tests add memberships
		server = TestAuthServer.start(Map.of("spring.profiles.active", "demo", "spring.mail.host", "127.0.0.1",
				"spring.mail.port", smtp.getSmtp().getPort(), "writ.mail.from", "Writ <no-reply@writ.test>"));
		invitations = server.bean(Invitations.class);
		memberships = server.bean(Memberships.class);
		database = server.bean(DatabaseClient.class);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	private static User newUser() {
		return server.bean(Users.class)
			.create("invitee-" + UUID.randomUUID() + "@example.test", "Invitee", "correct horse battery staple")
			.block(TIMEOUT);
	}

	/** Invites the address to Acme as {@code role} and answers the link that arrived. */
	private static String invite(String email, String role) {
		invitations.invite("org_acme", email, role, "usr_alice").block(TIMEOUT);
		return ReceivedMail.invitationLink(ReceivedMail.awaitOne(smtp, email));
	}

	private static String token(String link) {
		return link.substring(link.lastIndexOf('/') + 1);
	}

	private static long count(String sql, String value) {
		return database.sql(sql).bind("value", value).map((row) -> row.get(0, Long.class)).one().block(TIMEOUT);
	}

	@Test
	void inviteWhenSmtpServerUpThenEmailWithTheLinkArrives() throws Exception {
		User invitee = newUser();
		Invitation invitation = invitations.invite("org_acme", invitee.email(), "admin", "usr_alice").block(TIMEOUT);
		assertThat(invitation.id()).startsWith("inv_");
		assertThat(invitation.organizationName()).isEqualTo("Acme Corporation");
		assertThat(invitation.email()).isEqualTo(invitee.email());
		assertThat(invitation.role()).isEqualTo("admin");
		assertThat(invitation.invitedBy()).isEqualTo("usr_alice");
		assertThat(Duration.between(invitation.createdAt(), invitation.expiresAt())).isEqualTo(Duration.ofDays(7));

		MimeMessage email = ReceivedMail.awaitOne(smtp, invitee.email());
		assertThat(email.getSubject()).isEqualTo("Join Acme Corporation on Writ");
		assertThat(email.getFrom()[0].toString()).isEqualTo("Writ <no-reply@writ.test>");
		String link = ReceivedMail.invitationLink(email);
		assertThat(link).matches(server.baseUrl() + "/invitations/writ_inv_[A-Za-z0-9_-]{43}");
		assertThat(ReceivedMail.text(email))
			.startsWith("Alice Acme (alice@acme.test) invited you to join Acme Corporation on Writ as an admin.");
		assertThat(ReceivedMail.html(email)).contains("href=\"" + link + "\"").contains("Acme Corporation");
		// the token is in the email only; the database has its hash
		assertThat(count("SELECT count(*) FROM invitations WHERE token_hash = :value", OpaqueTokens.hash(token(link))))
			.isEqualTo(1);
		assertThat(count("SELECT count(*) FROM invitations WHERE token_hash = :value", token(link))).isZero();
	}

	@Test
	void inviteWhenHtmlInTheOrganizationNameThenEscapedInTheEmail() {
		database
			.sql("INSERT INTO organizations (id, slug, name) VALUES ('org_tags', 'tags', '<b>Tags</b> & Co')"
					+ " ON CONFLICT DO NOTHING")
			.then()
			.block(TIMEOUT);
		String email = "tags-" + UUID.randomUUID() + "@example.test";
		invitations.invite("org_tags", email, "member", null).block(TIMEOUT);
		MimeMessage received = ReceivedMail.awaitOne(smtp, email);
		assertThat(ReceivedMail.html(received)).contains("&lt;b&gt;Tags&lt;/b&gt; &amp; Co").doesNotContain("<b>");
		assertThat(ReceivedMail.text(received)).startsWith("You are invited to join <b>Tags</b> & Co on Writ");
	}

	@Test
	void acceptWhenInvitedUserThenJoinsTheOrganizationInTheInvitedRole() {
		User invitee = newUser();
		String link = invite(invitee.email(), "admin");
		assertThat(invitations.accept(token(link), invitee.id()).block(TIMEOUT))
			.isEqualTo(new OrganizationRole("org_acme", "admin"));
		assertThat(memberships.findByUserId(invitee.id()).collectList().block(TIMEOUT))
			.containsExactly(new OrganizationRole("org_acme", "admin"));
	}

	@Test
	void acceptWhenUsedAlreadyThenRefusedAsUsed() {
		User invitee = newUser();
		String token = token(invite(invitee.email(), "member"));
		invitations.accept(token, invitee.id()).block(TIMEOUT);
		assertThatExceptionOfType(InvitationException.class)
			.isThrownBy(() -> invitations.accept(token, invitee.id()).block(TIMEOUT))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(InvitationException.Reason.USED));
		assertThatExceptionOfType(InvitationException.class)
			.isThrownBy(() -> invitations.findPending(token).block(TIMEOUT))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(InvitationException.Reason.USED));
	}

	@Test
	void acceptWhenTwiceAtOnceThenOneJoinsAndTheOtherIsRefused() {
		User invitee = newUser();
		String token = token(invite(invitee.email(), "member"));
		List<Signal<OrganizationRole>> outcomes = Mono
			.zip(invitations.accept(token, invitee.id()).materialize(),
					invitations.accept(token, invitee.id()).materialize())
			.map((both) -> List.of(both.getT1(), both.getT2()))
			.block(TIMEOUT);
		assertThat(outcomes).filteredOn(Signal::isOnNext).hasSize(1);
		assertThat(outcomes).filteredOn(Signal::isOnError)
			.singleElement()
			.satisfies((signal) -> assertThat(signal.getThrowable()).isInstanceOfSatisfying(InvitationException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(InvitationException.Reason.USED)));
	}

	@Test
	void acceptWhenExpiredThenRefusedAsExpiredAndNothingJoined() {
		User invitee = newUser();
		String token = token(invite(invitee.email(), "member"));
		database
			.sql("UPDATE invitations SET created_at = now() - interval '8 days', expires_at = now() - interval '1 day'"
					+ " WHERE token_hash = :hash")
			.bind("hash", OpaqueTokens.hash(token))
			.then()
			.block(TIMEOUT);
		assertThatExceptionOfType(InvitationException.class)
			.isThrownBy(() -> invitations.accept(token, invitee.id()).block(TIMEOUT))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(InvitationException.Reason.EXPIRED));
		assertThatExceptionOfType(InvitationException.class)
			.isThrownBy(() -> invitations.findPending(token).block(TIMEOUT))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(InvitationException.Reason.EXPIRED));
		assertThat(memberships.findByUserId(invitee.id()).collectList().block(TIMEOUT)).isEmpty();
	}

	@Test
	void acceptWhenAnotherUsersEmailThenRefusedAndStillUsableByTheInvitedUser() {
		User invitee = newUser();
		User someoneElse = newUser();
		String token = token(invite(invitee.email(), "member"));
		assertThatExceptionOfType(InvitationException.class)
			.isThrownBy(() -> invitations.accept(token, someoneElse.id()).block(TIMEOUT))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(InvitationException.Reason.WRONG_RECIPIENT));
		assertThat(memberships.findByUserId(someoneElse.id()).collectList().block(TIMEOUT)).isEmpty();
		assertThat(invitations.accept(token, invitee.id()).block(TIMEOUT))
			.isEqualTo(new OrganizationRole("org_acme", "member"));
	}

	@Test
	void acceptWhenInvitedAddressDiffersInCaseThenAccepted() {
		User invitee = newUser();
		String token = token(invite(invitee.email().toUpperCase(), "member"));
		assertThat(invitations.accept(token, invitee.id()).block(TIMEOUT))
			.isEqualTo(new OrganizationRole("org_acme", "member"));
	}

	@Test
	void acceptWhenMemberAlreadyThenRoleKeptAndInvitationUsed() {
		// adam is a member of Acme in the demo data
		String email = "adam@acme.test";
		invitations.invite("org_acme", email, "owner", "usr_alice").block(TIMEOUT);
		String token = token(ReceivedMail.invitationLink(ReceivedMail.awaitOne(smtp, email)));
		assertThat(invitations.accept(token, "usr_adam").block(TIMEOUT))
			.isEqualTo(new OrganizationRole("org_acme", "member"));
		assertThat(memberships.findByUserId("usr_adam").collectList().block(TIMEOUT))
			.containsExactly(new OrganizationRole("org_acme", "member"));
		assertThatExceptionOfType(InvitationException.class)
			.isThrownBy(() -> invitations.findPending(token).block(TIMEOUT))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(InvitationException.Reason.USED));
	}

	@Test
	void acceptWhenUnknownTokenThenRefusedAsUnknown() {
		User invitee = newUser();
		for (String token : List.of(OpaqueTokens.generate("writ_inv_"), "not-a-token", "")) {
			assertThatExceptionOfType(InvitationException.class)
				.isThrownBy(() -> invitations.accept(token, invitee.id()).block(TIMEOUT))
				.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(InvitationException.Reason.UNKNOWN));
		}
	}

	@Test
	void acceptWhenUnknownUserThenRefused() {
		String token = token(invite(newUser().email(), "member"));
		assertThatIllegalArgumentException().isThrownBy(() -> invitations.accept(token, "usr_nobody").block(TIMEOUT));
	}

	@Test
	void findPendingWhenUnusedThenTheInvitation() {
		User invitee = newUser();
		String token = token(invite(invitee.email(), "member"));
		Invitation pending = invitations.findPending(token).block(TIMEOUT);
		assertThat(pending.email()).isEqualTo(invitee.email());
		assertThat(pending.organizationName()).isEqualTo("Acme Corporation");
		assertThat(pending.role()).isEqualTo("member");
	}

	@Test
	void inviteWhenUnknownOrganizationThenRefusedAndNothingSent() {
		String email = "nowhere-" + UUID.randomUUID() + "@example.test";
		assertThatIllegalArgumentException()
			.isThrownBy(() -> invitations.invite("org_nowhere", email, "member", "usr_alice").block(TIMEOUT))
			.withMessage("no organization 'org_nowhere'");
		assertNothingFor(email);
	}

	@Test
	void inviteWhenUnknownInviterThenRefusedAndNothingSent() {
		String email = "uninvited-" + UUID.randomUUID() + "@example.test";
		assertThatIllegalArgumentException()
			.isThrownBy(() -> invitations.invite("org_acme", email, "member", "usr_nobody").block(TIMEOUT))
			.withMessage("no user 'usr_nobody' to be the inviter");
		assertNothingFor(email);
	}

	@Test
	void inviteWhenUnknownRoleThenRefusedAndNothingSent() {
		String email = "guest-" + UUID.randomUUID() + "@example.test";
		assertThatExceptionOfType(UnknownRoleException.class)
			.isThrownBy(() -> invitations.invite("org_acme", email, "guest", "usr_alice").block(TIMEOUT))
			.withMessageContaining("guest");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> invitations.invite("org_acme", email, "Guest!", "usr_alice").block(TIMEOUT));
		assertNothingFor(email);
	}

	@Test
	void inviteWhenRoleOfTheOrganizationsOwnThenAcceptingJoinsInIt() throws Exception {
		String role = "auditor-" + UUID.randomUUID().toString().substring(0, 8);
		server.bean(OrganizationRoles.class)
			.define("org_acme", role, null, List.of("audit:read"), Grantor.platform(Actor.user("usr_alice")))
			.block(TIMEOUT);
		User invitee = newUser();
		String link = invite(invitee.email(), role);
		assertThat(ReceivedMail.text(ReceivedMail.awaitOne(smtp, invitee.email())))
			.contains("on Writ as an " + role + ".");
		assertThat(invitations.accept(token(link), invitee.id()).block(TIMEOUT))
			.isEqualTo(new OrganizationRole("org_acme", role));
		assertThat(memberships.find(invitee.id(), "org_acme").block(TIMEOUT))
			.isEqualTo(new OrganizationRole("org_acme", role));
	}

	@Test
	void inviteWhenRoleOfAnotherOrganizationThenRefusedAndNothingSent() {
		String role = "globex-" + UUID.randomUUID().toString().substring(0, 8);
		server.bean(OrganizationRoles.class)
			.define("org_globex", role, null, List.of("audit:read"), Grantor.platform(Actor.user("usr_gina")))
			.block(TIMEOUT);
		String email = "other-" + UUID.randomUUID() + "@example.test";
		assertThatExceptionOfType(UnknownRoleException.class)
			.isThrownBy(() -> invitations.invite("org_acme", email, role, "usr_alice").block(TIMEOUT));
		assertNothingFor(email);
	}

	@Test
	void inviteWhenNotAnEmailAddressThenRefused() {
		for (String email : List.of("", "no-at-sign", "Bob <bob@example.test>", "a@b@example.test")) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> invitations.invite("org_acme", email, "member", "usr_alice").block(TIMEOUT))
				.withMessage("not an email address");
		}
	}

	@Test
	void inviteWhenSmtpServerDownThenNotSentAndNothingStored() {
		String email = "unlucky-" + UUID.randomUUID() + "@example.test";
		smtp.stop();
		try {
			assertThatExceptionOfType(MailNotSentException.class)
				.isThrownBy(() -> invitations.invite("org_acme", email, "member", "usr_alice").block(TIMEOUT));
		}
		finally {
			smtp.start();
		}
		assertNothingFor(email);
	}

	@Test
	void inviteWhenNoSmtpHostThenServerRunsAndInvitingFailsClearly() {
		// the demo server is started without spring.mail.host
		TestAuthServer withoutMail = TestAuthServer.demo();
		String email = "unsent-" + UUID.randomUUID() + "@example.test";
		assertThatExceptionOfType(MailNotSentException.class)
			.isThrownBy(() -> withoutMail.bean(Invitations.class)
				.invite("org_acme", email, "member", "usr_alice")
				.block(TIMEOUT))
			.withMessage("no SMTP server is configured (spring.mail.host), so no email can be sent");
		assertThat(withoutMail.bean(DatabaseClient.class)
			.sql("SELECT count(*) FROM invitations WHERE email = :email")
			.bind("email", email)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block(TIMEOUT)).isZero();
	}

	private static void assertNothingFor(String email) {
		assertThat(count("SELECT count(*) FROM invitations WHERE email = :value", email)).isZero();
		assertThat(ReceivedMail.to(smtp, email)).isEmpty();
	}

}
