package dev.writ.devstack;

/** A running PostgreSQL server that tests and the demo may create databases on. */
public interface PostgresServer extends AutoCloseable {

	String host();

	int port();

	String username();

	String password();

	/** Creates an empty database (dropping one of the same name) and returns its name. */
	String createDatabase(String name);

	default String jdbcUrl(String database) {
		return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
	}

	default String r2dbcUrl(String database) {
		return "r2dbc:postgresql://" + host() + ":" + port() + "/" + database;
	}

	@Override
	void close();

}
