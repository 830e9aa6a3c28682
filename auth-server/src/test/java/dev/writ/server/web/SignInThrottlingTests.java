package dev.writ.server.web;

import java.util.Map;
import java.util.UUID;

import dev.writ.server.account.Users;

import dev.writ.server.test.HttpBrowser;
import dev.writ.server.test.TestAuthServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Brute-force protection seen from the sign-in page: the sixth wrong password in a minute
 * for one account is throttled (429, {@code Retry-After}, a page saying when), without
 * telling whether the account exists, while another account signs in from another
 * address.
 */
class SignInThrottlingTests {

	static TestAuthServer server;

	/**
	 * An account of this class's own: Redis, where the counters live, is shared by every
	 * test class, so throttling a demo user would throttle it for them too.
	 */
	static String victim;

	@BeforeAll
	static void start() {
		server = TestAuthServer.start(Map.of("spring.profiles.active", "demo"));
		victim = "victim-" + UUID.randomUUID() + "@acme.test";
		server.bean(Users.class).create(victim, "Victim", "victim-password").block();
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void signInWhenSixthWrongPasswordInAMinuteThenThrottledWhileAnotherAccountFromAnotherAddressSignsIn() {
		HttpBrowser attacker = new HttpBrowser(server.baseUrl());
		for (int attempt = 1; attempt <= 5; attempt++) {
			EntityExchangeResult<String> wrong = attacker.signIn(victim, "guess-" + attempt);
			assertThat(wrong.getStatus()).isEqualTo(HttpStatus.OK);
			assertThat(wrong.getResponseBody()).contains("The email address or password is wrong.");
		}
		EntityExchangeResult<String> sixth = attacker.signIn(victim, "guess-6");
		assertThat(sixth.getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		long retryAfter = Long.parseLong(sixth.getResponseHeaders().getFirst("Retry-After"));
		assertThat(retryAfter).isBetween(1L, 60L);
		assertThat(sixth.getResponseBody()).contains("Too many sign-in attempts. Try again in " + retryAfter);
		assertThat(sixth.getResponseCookies()).doesNotContainKey("writ_session");

		// even the right password waits out the window
		assertThat(attacker.signIn(victim, "victim-password").getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

		HttpBrowser colleague = new HttpBrowser(server.baseUrl(), "127.0.0.2");
		EntityExchangeResult<String> signedIn = colleague.signIn("adam@acme.test", "writ-demo-password");
		assertThat(signedIn.getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
		assertThat(colleague.cookies()).containsKey("writ_session");
	}

	@Test
	void signInWhenUnknownAccountThenSameAnswersAsAKnownOne() {
		HttpBrowser browser = new HttpBrowser(server.baseUrl(), "127.0.0.3");
		String nobody = "nobody-" + UUID.randomUUID() + "@acme.test";
		for (int attempt = 1; attempt <= 5; attempt++) {
			EntityExchangeResult<String> wrong = browser.signIn(nobody, "guess-" + attempt);
			assertThat(wrong.getStatus()).isEqualTo(HttpStatus.OK);
			assertThat(wrong.getResponseBody()).contains("The email address or password is wrong.");
		}
		assertThat(browser.signIn(nobody, "guess-6").getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
	}

	@Test
	void signInWhenFieldsEmptyThenAskedAgainWithoutCounting() {
		HttpBrowser browser = new HttpBrowser(server.baseUrl(), "127.0.0.4");
		EntityExchangeResult<String> result = browser.signIn("", "");
		assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(result.getResponseBody()).contains("Enter your email address and password.");
	}

}
