package dev.writ.devstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/** PostgreSQL in a container, used when a Docker engine is reachable. */
final class ContainerPostgres implements PostgresServer {

	private static final String PASSWORD = "postgres";

	private final GenericContainer<?> container;

	private ContainerPostgres(GenericContainer<?> container) {
		this.container = container;
	}

	@SuppressWarnings("resource")
	static ContainerPostgres launch() {
		GenericContainer<?> container = new GenericContainer<>("postgres:17-alpine")
			.withEnv("POSTGRES_PASSWORD", PASSWORD)
			.withCommand("postgres", "-c", "max_connections=300", "-c", "fsync=off")
			.withExposedPorts(5432)
			.waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*", 2));
		container.start();
		return new ContainerPostgres(container);
	}

	@Override
	public String host() {
		return this.container.getHost();
	}

	@Override
	public int port() {
		return this.container.getMappedPort(5432);
	}

	@Override
	public String username() {
		return "postgres";
	}

	@Override
	public String password() {
		return PASSWORD;
	}

	@Override
	public String createDatabase(String name) {
		try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), username(), password());
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
		this.container.stop();
	}

}
