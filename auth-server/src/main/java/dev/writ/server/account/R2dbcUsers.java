package dev.writ.server.account;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.HexFormat;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * {@link Users} in the {@code users} table, whose unique index on {@code lower(email)}
 * decides which address is taken, so two nodes creating the same account at once cannot
 * both succeed.
 */
@Component
final class R2dbcUsers implements Users, PasswordCredentials {

	private static final String COLUMNS = "id, email, email_verified, name, disabled, created_at";

	private static final String SELECT_BY_ID = "SELECT " + COLUMNS + " FROM users WHERE id = :id";

	// lower(email) matches the expression of the unique index, which therefore serves the
	// look-up.
	private static final String SELECT_BY_EMAIL = "SELECT " + COLUMNS
			+ ", password_hash FROM users WHERE lower(email) = lower(:email)";

	private static final String INSERT = "INSERT INTO users (id, email, name, password_hash)"
			+ " VALUES (:id, :email, :name, :passwordHash) RETURNING " + COLUMNS;

	// The sub-select locks the row and reads it as it was, so that the answer says
	// whether this statement changed it, even when another one ran just before.
	private static final String SET_DISABLED = """
			UPDATE users AS u SET disabled = :disabled, updated_at = now()
			FROM (SELECT id, disabled FROM users WHERE id = :id FOR UPDATE) AS old
			WHERE u.id = old.id
			RETURNING u.id, u.email, u.email_verified, u.name, u.disabled, u.created_at, old.disabled AS was_disabled""";

	private static final int ID_BYTES = 16;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final DatabaseClient database;

	private final PasswordHasher passwordHasher;

	R2dbcUsers(DatabaseClient database, PasswordHasher passwordHasher) {
		this.database = database;
		this.passwordHasher = passwordHasher;
	}

	@Override
	public Mono<User> findById(String id) {
		return this.database.sql(SELECT_BY_ID).bind("id", id).map(R2dbcUsers::toUser).one();
	}

	@Override
	public Mono<User> findByEmail(String email) {
		return findCredentials(email).map(UserCredentials::user);
	}

	@Override
	public Mono<UserCredentials> findCredentials(String email) {
		return this.database.sql(SELECT_BY_EMAIL)
			.bind("email", email)
			.map((row) -> new UserCredentials(toUser(row), row.get("password_hash", String.class)))
			.one();
	}

	@Override
	public Mono<User> create(String email, @Nullable String name, String password) {
		String address = email.strip();
		if (address.isEmpty()) {
			return Mono.error(new IllegalArgumentException("the email address is blank"));
		}
		if (password.isEmpty()) {
			return Mono.error(new IllegalArgumentException("the password is empty"));
		}
		return this.passwordHasher.hash(password).flatMap((hash) -> {
			DatabaseClient.GenericExecuteSpec insert = this.database.sql(INSERT)
				.bind("id", newId())
				.bind("email", address)
				.bind("passwordHash", hash);
			insert = (name != null) ? insert.bind("name", name) : insert.bindNull("name", String.class);
			return insert.map(R2dbcUsers::toUser).one();
		}).onErrorMap(DuplicateKeyException.class, EmailAlreadyRegisteredException::new);
	}

	@Override
	public Mono<UserStatusChange> setDisabled(String id, boolean disabled) {
		return this.database.sql(SET_DISABLED)
			.bind("id", id)
			.bind("disabled", disabled)
			.map((row) -> new UserStatusChange(toUser(row),
					Boolean.TRUE.equals(row.get("was_disabled", Boolean.class)) != disabled))
			.one();
	}

	/** {@code usr_} and 128 random bits: unguessable, so ids can appear in URLs. */
	private static String newId() {
		byte[] bytes = new byte[ID_BYTES];
		RANDOM.nextBytes(bytes);
		return "usr_" + HexFormat.of().formatHex(bytes);
	}

	private static User toUser(Readable row) {
		return new User(row.get("id", String.class), row.get("email", String.class),
				Boolean.TRUE.equals(row.get("email_verified", Boolean.class)), row.get("name", String.class),
				Boolean.TRUE.equals(row.get("disabled", Boolean.class)),
				row.get("created_at", OffsetDateTime.class).toInstant());
	}

}
