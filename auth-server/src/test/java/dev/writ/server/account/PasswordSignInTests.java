package dev.writ.server.account;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.writ.devstack.DevStack;
import dev.writ.devstack.RedisServer;
import dev.writ.server.account.SignInResult.Refused;
import dev.writ.server.account.SignInResult.SignedIn;
import dev.writ.server.account.SignInResult.Throttled;
import dev.writ.server.test.DatabaseOutage;
import dev.writ.server.test.TestAuthServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * Password sign-in with the default brute-force limits (5 failures per account, 20 per
 * address, in one minute) on a demo server. Each test uses addresses and client IPs of
 * its own, so the counters of one never throttle another.
 */
class PasswordSignInTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final String DEMO_PASSWORD = "writ-demo-password";

	private static final String PASSWORD = "correct horse battery staple";

	private static final AtomicInteger ips = new AtomicInteger();

	/** Its own Redis: the tests stop it, which must not disturb the other servers. */
	private static RedisServer ownRedis;

	private static TestAuthServer server;

	private static PasswordSignIn signIn;

	@BeforeAll
	static void start() {
		ownRedis = DevStack.startRedis();
		server = TestAuthServer
			.start(Map.of("spring.profiles.active", "demo", "spring.data.redis.url", ownRedis.url()));
		signIn = server.bean(PasswordSignIn.class);
	}

	@AfterAll
	static void stop() {
		server.close();
		ownRedis.close();
	}

	/** A client address no other test uses (TEST-NET-2, RFC 5737). */
	private static String newIp() {
		return "198.51.100." + ips.incrementAndGet();
	}

	private static String newEmail() {
		return "signin-" + UUID.randomUUID() + "@example.test";
	}

	private static User newUser() {
		return server.bean(Users.class).create(newEmail(), "Test User", PASSWORD).block(TIMEOUT);
	}

	private static SignInResult signIn(String email, String password, String ip) {
		return signIn.signIn(email, password, ip).block(TIMEOUT);
	}

	private static void execute(String sql, String userId) {
		server.bean(DatabaseClient.class).sql(sql).bind("id", userId).then().block(TIMEOUT);
	}

	@Test
	void signInWhenDemoUsersWithDemoPasswordThenSignedIn() {
		String ip = newIp();
		for (String email : List.of("alice@acme.test", "adam@acme.test", "gina@globex.test")) {
			SignInResult result = signIn(email, DEMO_PASSWORD, ip);
			assertThat(result).isInstanceOfSatisfying(SignedIn.class,
					(signedIn) -> assertThat(signedIn.user().email()).isEqualTo(email));
		}
		assertThat(signIn("alice@acme.test", DEMO_PASSWORD, ip)).isInstanceOfSatisfying(SignedIn.class, (signedIn) -> {
			assertThat(signedIn.user().id()).isEqualTo("usr_alice");
			assertThat(signedIn.user().name()).isEqualTo("Alice Acme");
			assertThat(signedIn.user().emailVerified()).isTrue();
		});
	}

	@Test
	void signInWhenEmailInOtherCaseWithSpacesThenSignedIn() {
		assertThat(signIn("  Alice@ACME.test ", DEMO_PASSWORD, newIp())).isInstanceOf(SignedIn.class);
	}

	@Test
	void signInWhenWrongPasswordThenRefused() {
		assertThat(signIn("alice@acme.test", "not-the-password", newIp())).isEqualTo(new Refused());
	}

	@Test
	void signInWhenUnknownEmailThenTheSameRefusal() {
		User user = newUser();
		String ip = newIp();
		SignInResult wrongPassword = signIn(user.email(), "not-the-password", ip);
		SignInResult unknown = signIn(newEmail(), "not-the-password", ip);
		assertThat(unknown).isEqualTo(wrongPassword).isEqualTo(new Refused());
	}

	@Test
	void signInWhenUnknownEmailThenAsSlowAsAWrongPassword() {
		// Without the dummy verification an unknown address would be answered after two
		// store round trips, an order of magnitude sooner than a hash.
		User user = newUser();
		String ip = newIp();
		signIn(newEmail(), "warm-up", ip);
		List<Long> known = new ArrayList<>();
		List<Long> unknown = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			known.add(nanos(() -> signIn(user.email(), "not-the-password", ip)));
			unknown.add(nanos(() -> signIn(newEmail(), "not-the-password", ip)));
		}
		assertThat(Collections.min(unknown)).isGreaterThan(Collections.min(known) / 4);
	}

	private static long nanos(Runnable work) {
		long start = System.nanoTime();
		work.run();
		return System.nanoTime() - start;
	}

	@Test
	void signInWhenAccountDisabledThenRefusedEvenWithRightPassword() {
		User user = newUser();
		execute("UPDATE users SET disabled = true WHERE id = :id", user.id());
		assertThat(signIn(user.email(), PASSWORD, newIp())).isEqualTo(new Refused());
	}

	@Test
	void signInWhenAccountHasNoPasswordThenRefused() {
		User user = newUser();
		execute("UPDATE users SET password_hash = NULL WHERE id = :id", user.id());
		assertThat(signIn(user.email(), PASSWORD, newIp())).isEqualTo(new Refused());
		assertThat(signIn(user.email(), "", newIp())).isEqualTo(new Refused());
	}

	@Test
	void signInWhenSixthWrongPasswordForOneAccountThenThrottledEvenWithRightPassword() {
		User user = newUser();
		String ip = newIp();
		for (int i = 0; i < 5; i++) {
			assertThat(signIn(user.email(), "wrong-" + i, ip)).isEqualTo(new Refused());
		}
		assertThat(signIn(user.email(), "wrong-5", ip)).isInstanceOfSatisfying(Throttled.class,
				(throttled) -> assertThat(throttled.retryAfter()).isPositive()
					.isLessThanOrEqualTo(Duration.ofMinutes(1)));
		// the right password, from anywhere, waits for the window too
		assertThat(signIn(user.email(), PASSWORD, newIp())).isInstanceOf(Throttled.class);
		assertThat(signIn(user.email().toUpperCase(), PASSWORD, ip)).isInstanceOf(Throttled.class);
	}

	@Test
	void signInWhenOneAccountThrottledThenAnotherAccountFromAnotherIpSignsIn() {
		User attacked = newUser();
		String attacker = newIp();
		for (int i = 0; i < 6; i++) {
			signIn(attacked.email(), "wrong-" + i, attacker);
		}
		assertThat(signIn(attacked.email(), "wrong-6", attacker)).isInstanceOf(Throttled.class);
		assertThat(signIn("alice@acme.test", DEMO_PASSWORD, newIp())).isInstanceOfSatisfying(SignedIn.class,
				(signedIn) -> assertThat(signedIn.user().id()).isEqualTo("usr_alice"));
	}

	@Test
	void signInWhenUnknownAccountFailsSixTimesThenThrottledLikeAKnownOne() {
		String email = newEmail();
		String ip = newIp();
		for (int i = 0; i < 5; i++) {
			assertThat(signIn(email, "wrong-" + i, ip)).isEqualTo(new Refused());
		}
		assertThat(signIn(email, "wrong-5", ip)).isInstanceOf(Throttled.class);
	}

	@Test
	void signInWhenTwentyFailuresFromOneIpAcrossAccountsThenThatIpIsThrottled() {
		String ip = newIp();
		for (int i = 0; i < 20; i++) {
			assertThat(signIn(newEmail(), "password123", ip)).isEqualTo(new Refused());
		}
		assertThat(signIn("gina@globex.test", DEMO_PASSWORD, ip)).isInstanceOfSatisfying(Throttled.class,
				(throttled) -> assertThat(throttled.retryAfter()).isPositive()
					.isLessThanOrEqualTo(Duration.ofMinutes(1)));
		assertThat(signIn("gina@globex.test", DEMO_PASSWORD, newIp())).isInstanceOf(SignedIn.class);
	}

	@Test
	void signInWhenSuccessfulThenAccountCounterStartsOver() {
		User user = newUser();
		String ip = newIp();
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < 4; i++) {
				assertThat(signIn(user.email(), "wrong-" + i, ip)).isEqualTo(new Refused());
			}
			// without the reset, the second round's fifth attempt would be the ninth
			assertThat(signIn(user.email(), PASSWORD, ip)).isInstanceOf(SignedIn.class);
		}
	}

	@Test
	void signInWhenSuccessfulThenNotCountedAgainstTheIp() {
		String ip = newIp();
		for (int i = 0; i < 25; i++) {
			assertThat(signIn("adam@acme.test", DEMO_PASSWORD, ip)).isInstanceOf(SignedIn.class);
		}
	}

	@Test
	void signInWhenPostgresUnreachableThenErrorAndTheAttemptDoesNotCount() throws Exception {
		User user = newUser();
		String ip = newIp();
		DatabaseOutage.begin(server);
		try {
			assertThatException().isThrownBy(() -> signIn(user.email(), PASSWORD, ip));
		}
		finally {
			DatabaseOutage.end(server);
		}
		ReactiveStringRedisTemplate redis = server.bean(ReactiveStringRedisTemplate.class);
		assertThat(redis.opsForValue()
			.get("writ:sign-in:account:" + SignInThrottle.accountKey(user.email()))
			.defaultIfEmpty("0")
			.block(TIMEOUT)).isEqualTo("0");
		assertThat(redis.opsForValue().get("writ:sign-in:ip:" + ip).defaultIfEmpty("0").block(TIMEOUT)).isEqualTo("0");
		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(200))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(signIn(user.email(), PASSWORD, ip)).isInstanceOf(SignedIn.class));
	}

	@Test
	void signInWhenRedisStoppedThenErrorAndServiceResumesWhenBack() {
		String ip = newIp();
		ownRedis.stop();
		try {
			assertThatException().isThrownBy(() -> signIn("alice@acme.test", DEMO_PASSWORD, ip));
		}
		finally {
			ownRedis.start();
		}
		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(200))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(signIn("alice@acme.test", DEMO_PASSWORD, ip)).isInstanceOf(SignedIn.class));
	}

}
