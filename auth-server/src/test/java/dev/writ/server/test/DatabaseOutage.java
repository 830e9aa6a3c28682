package dev.writ.server.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import dev.writ.devstack.DevStack;
import dev.writ.devstack.PostgresServer;

/**
 * A PostgreSQL outage for one test server: its connections are closed and new ones
 * refused, on its own database only, so the other servers of the test JVM go on.
 */
public final class DatabaseOutage {

	private DatabaseOutage() {
	}

	/** Closes every connection to {@code server}'s database and refuses new ones. */
	public static void begin(TestAuthServer server) throws SQLException {
		allowConnections(server, false);
	}

	/** Accepts connections to {@code server}'s database again. */
	public static void end(TestAuthServer server) throws SQLException {
		allowConnections(server, true);
	}

	private static void allowConnections(TestAuthServer server, boolean allow) throws SQLException {
		PostgresServer postgres = DevStack.shared().postgres();
		try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.username(),
				postgres.password()); Statement statement = connection.createStatement()) {
			statement.execute("ALTER DATABASE \"" + server.database() + "\" ALLOW_CONNECTIONS " + allow);
			if (!allow) {
				statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
						+ server.database() + "'");
			}
		}
	}

}
