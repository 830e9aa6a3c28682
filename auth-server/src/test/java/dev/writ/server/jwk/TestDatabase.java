package dev.writ.server.jwk;

import java.time.Duration;
import java.util.UUID;

import dev.writ.devstack.DevStack;
import dev.writ.devstack.PostgresServer;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.flywaydb.core.Flyway;

import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;

/**
 * A fresh database in the shared PostgreSQL with the application's migrations applied,
 * and a connection pool on it. Each {@link #connect()} opens another pool, as another
 * auth-server node on the same database would have.
 */
final class TestDatabase implements AutoCloseable {

	private final String name;

	private final ConnectionPool pool;

	private TestDatabase(String name) {
		this.name = name;
		this.pool = pool(name);
	}

	static TestDatabase create() {
		PostgresServer postgres = DevStack.shared().postgres();
		String name = postgres.createDatabase("writ_jwk_" + UUID.randomUUID().toString().replace("-", ""));
		Flyway.configure()
			.dataSource(postgres.jdbcUrl(name), postgres.username(), postgres.password())
			.locations("classpath:db/auth-server/migration")
			.load()
			.migrate();
		return new TestDatabase(name);
	}

	DatabaseClient client() {
		return DatabaseClient.create(this.pool);
	}

	ReactiveTransactionManager transactionManager() {
		return new R2dbcTransactionManager(this.pool);
	}

	/** Another pool on the same database; the caller closes it. */
	TestDatabase connect() {
		return new TestDatabase(this.name);
	}

	String name() {
		return this.name;
	}

	@Override
	public void close() {
		this.pool.dispose();
	}

	private static ConnectionPool pool(String name) {
		PostgresServer postgres = DevStack.shared().postgres();
		ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(postgres.r2dbcUrl(name))
			.mutate()
			.option(ConnectionFactoryOptions.USER, postgres.username())
			.option(ConnectionFactoryOptions.PASSWORD, postgres.password())
			.build();
		return new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(options))
			.maxSize(4)
			.maxAcquireTime(Duration.ofSeconds(10))
			.build());
	}

}
