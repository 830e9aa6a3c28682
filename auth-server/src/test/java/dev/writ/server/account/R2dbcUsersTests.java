package dev.writ.server.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.writ.server.test.TestAuthServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Signal;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/** The {@link Users} contract on the {@code users} table of a real PostgreSQL. */
class R2dbcUsersTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static TestAuthServer server;

	private static Users users;

	@BeforeAll
	static void start() {
		server = TestAuthServer.start();
		users = server.bean(Users.class);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	private static String newEmail() {
		return "user-" + UUID.randomUUID() + "@Example.test";
	}

	private static User create(String email) {
		return users.create(email, "Test User", "correct horse battery staple").block(TIMEOUT);
	}

	@Test
	void createWhenNewEmailThenUnverifiedEnabledUserWithRandomId() {
		String email = newEmail();
		User user = create(email);
		assertThat(user.id()).matches("usr_[0-9a-f]{32}");
		assertThat(user.email()).isEqualTo(email);
		assertThat(user.name()).isEqualTo("Test User");
		assertThat(user.emailVerified()).isFalse();
		assertThat(user.disabled()).isFalse();
		assertThat(user.createdAt()).isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
		assertThat(create(newEmail()).id()).isNotEqualTo(user.id());
	}

	@Test
	void createWhenCalledThenOnlyAnArgon2idHashIsStored() {
		User user = create(newEmail());
		String stored = server.bean(DatabaseClient.class)
			.sql("SELECT password_hash FROM users WHERE id = :id")
			.bind("id", user.id())
			.map((row) -> row.get("password_hash", String.class))
			.one()
			.block(TIMEOUT);
		assertThat(stored).startsWith("{argon2}$argon2id$").doesNotContain("correct horse");
		assertThat(server.bean(PasswordHasher.class).matches("correct horse battery staple", stored).block(TIMEOUT))
			.isTrue();
	}

	@Test
	void createWhenEmailHasSurroundingSpaceThenStoredWithout() {
		String email = newEmail();
		assertThat(create("  " + email + "\t").email()).isEqualTo(email);
	}

	@Test
	void createWhenNoNameThenNameIsNull() {
		User user = users.create(newEmail(), null, "correct horse battery staple").block(TIMEOUT);
		assertThat(user.name()).isNull();
		assertThat(users.findById(user.id()).block(TIMEOUT).name()).isNull();
	}

	@Test
	void createWhenEmailTakenThenEmailAlreadyRegistered() {
		String email = newEmail();
		create(email);
		assertThatExceptionOfType(EmailAlreadyRegisteredException.class).isThrownBy(() -> create(email))
			.withMessageNotContaining(email);
	}

	@Test
	void createWhenEmailTakenInOtherCaseThenEmailAlreadyRegistered() {
		String email = newEmail();
		create(email);
		assertThatExceptionOfType(EmailAlreadyRegisteredException.class).isThrownBy(() -> create(email.toUpperCase()));
		assertThatExceptionOfType(EmailAlreadyRegisteredException.class).isThrownBy(() -> create(email.toLowerCase()));
	}

	@Test
	void createWhenSameEmailConcurrentlyThenExactlyOneSucceeds() {
		String email = newEmail();
		List<Signal<User>> outcomes = Flux
			.merge(users.create(email, "One", "password one").materialize(),
					users.create(email.toLowerCase(), "Two", "password two").materialize())
			.filter((signal) -> !signal.isOnComplete())
			.collectList()
			.block(TIMEOUT);
		assertThat(outcomes).filteredOn(Signal::isOnNext).hasSize(1);
		assertThat(outcomes).filteredOn(Signal::isOnError)
			.singleElement()
			.satisfies(
					(signal) -> assertThat(signal.getThrowable()).isInstanceOf(EmailAlreadyRegisteredException.class));
	}

	@Test
	void createWhenBlankEmailThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> users.create("  ", "Blank", "password").block(TIMEOUT))
			.withMessageContaining("email");
	}

	@Test
	void createWhenEmptyPasswordThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> users.create(newEmail(), "Empty", "").block(TIMEOUT))
			.withMessageContaining("password");
	}

	@Test
	void findByIdWhenCreatedThenSameUser() {
		User user = create(newEmail());
		assertThat(users.findById(user.id()).block(TIMEOUT)).isEqualTo(user);
	}

	@Test
	void findByIdWhenUnknownThenEmpty() {
		assertThat(users.findById("usr_unknown").hasElement().block(TIMEOUT)).isFalse();
	}

	@Test
	void findByEmailWhenAnyCaseThenFound() {
		String email = newEmail();
		User user = create(email);
		assertThat(users.findByEmail(email).block(TIMEOUT)).isEqualTo(user);
		assertThat(users.findByEmail(email.toLowerCase()).block(TIMEOUT)).isEqualTo(user);
		assertThat(users.findByEmail(email.toUpperCase()).block(TIMEOUT)).isEqualTo(user);
	}

	@Test
	void findByEmailWhenUnknownThenEmpty() {
		assertThat(users.findByEmail(newEmail()).hasElement().block(TIMEOUT)).isFalse();
	}

	@Test
	void findByEmailWhenOnlyAPrefixMatchesThenEmpty() {
		String email = newEmail();
		create(email);
		assertThat(users.findByEmail(email.substring(0, email.length() - 1)).hasElement().block(TIMEOUT)).isFalse();
	}

	@Test
	void setDisabledWhenStateChangesThenReportedOnlyTheFirstTime() {
		User user = create(newEmail());
		UserStatusChange disabled = users.setDisabled(user.id(), true).block(TIMEOUT);
		assertThat(disabled.changed()).isTrue();
		assertThat(disabled.user().disabled()).isTrue();
		assertThat(users.setDisabled(user.id(), true).block(TIMEOUT).changed()).isFalse();
		assertThat(users.findById(user.id()).block(TIMEOUT).disabled()).isTrue();
		UserStatusChange enabled = users.setDisabled(user.id(), false).block(TIMEOUT);
		assertThat(enabled.changed()).isTrue();
		assertThat(enabled.user()).isEqualTo(user);
	}

	@Test
	void setDisabledWhenUnknownThenEmpty() {
		assertThat(users.setDisabled("usr_unknown", true).hasElement().block(TIMEOUT)).isFalse();
	}

}
