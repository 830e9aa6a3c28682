package dev.writ.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL from the binaries packaged as Maven artifacts (io.zonky.test), for machines
 * without a Docker engine.
 */
final class EmbeddedPostgres implements PostgresServer {

	private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres;

	private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	static EmbeddedPostgres launch() {
		try {
			return new EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
				.setServerConfig("max_connections", "300")
				.setServerConfig("fsync", "off")
				.start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start embedded PostgreSQL", ex);
		}
	}

	@Override
	public String host() {
		return "localhost";
	}

	@Override
	public int port() {
		return this.postgres.getPort();
	}

	@Override
	public String username() {
		return "postgres";
	}

	@Override
	public String password() {
		return "postgres";
	}

	@Override
	public String createDatabase(String name) {
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
			statement.execute("CREATE DATABASE \"" + name + "\"");
			return name;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not create database " + name, ex);
		}
	}

	@Override
	public void close() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
