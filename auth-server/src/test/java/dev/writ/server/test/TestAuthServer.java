package dev.writ.server.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.writ.devstack.DevStack;
import dev.writ.devstack.OwnNettyResources;
import dev.writ.devstack.FreePorts;
import dev.writ.server.AuthServerApplication;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A real auth-server on a random port, on a database of its own in the shared PostgreSQL
 * and on the shared Redis. Test classes start one in {@code @BeforeAll} and close it in
 * {@code @AfterAll}.
 */
public final class TestAuthServer implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final String database;

	private TestAuthServer(ConfigurableApplicationContext context, String database) {
		this.context = context;
		this.database = database;
	}

	private static TestAuthServer demo;

	public static TestAuthServer start() {
		return start(Map.of());
	}

	/**
	 * One server with the demo profile, shared by every test class of the JVM that only
	 * reads from it, so the suite pays for one start-up. Classes that change its state or
	 * configuration start their own.
	 */
	public static synchronized TestAuthServer demo() {
		if (demo == null) {
			demo = start(Map.of("spring.profiles.active", "demo"));
			Runtime.getRuntime().addShutdownHook(new Thread(demo::close, "demo-auth-server-shutdown"));
		}
		return demo;
	}

	/**
	 * Starts a server; {@code properties} override the test defaults (for example
	 * {@code writ.keys.algorithm}).
	 */
	public static TestAuthServer start(Map<String, Object> properties) {
		return start(properties, "writ_test_" + UUID.randomUUID().toString().replace("-", ""));
	}

	/**
	 * Starts a server on an existing database, as a second node beside another one would.
	 */
	public static TestAuthServer start(Map<String, Object> properties, String database) {
		DevStack stack = DevStack.shared();
		if (!properties.containsKey("reuse-database")) {
			stack.postgres().createDatabase(database);
		}
		Map<String, Object> all = new LinkedHashMap<>();
		// The issuer must be the address clients reach, so the port is chosen before the
		// server starts.
		int port = FreePorts.find();
		all.put("server.port", port);
		all.put("writ.issuer", "http://localhost:" + port);
		all.put("management.server.port", 0);
		all.put("spring.r2dbc.url", stack.postgres().r2dbcUrl(database));
		all.put("spring.r2dbc.username", stack.postgres().username());
		all.put("spring.r2dbc.password", stack.postgres().password());
		all.put("spring.flyway.url", stack.postgres().jdbcUrl(database));
		all.put("spring.data.redis.url", stack.redis().url());
		all.put("writ.keys.encryption-key", "x1xZ7oW6q3l0m9hH8V3uKc0m2zF5yQ1pL4rT6sN8dA0=");
		all.putAll(properties);
		all.remove("reuse-database");
		List<String> args = new ArrayList<>();
		all.forEach((key, value) -> args.add("--" + key + "=" + value));
		ConfigurableApplicationContext context = withOwnNettyResources(AuthServerApplication.application())
			.run(args.toArray(String[]::new));
		return new TestAuthServer(context, database);
	}

	public int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	public String baseUrl() {
		return "http://localhost:" + port();
	}

	public String database() {
		return this.database;
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	public ConfigurableApplicationContext context() {
		return this.context;
	}

	public WebTestClient client() {
		// generous: on a loaded CI machine a first request (hashing a secret, a cold
		// pool)
		// can take longer than the default 5 s
		return WebTestClient.bindToServer().baseUrl(baseUrl()).responseTimeout(Duration.ofSeconds(30)).build();
	}

	/**
	 * The port of the actuator endpoints, which listen apart from the protocol endpoints
	 * (on loopback).
	 */
	public int managementPort() {
		Integer port = this.context.getEnvironment().getProperty("local.management.port", Integer.class);
		if (port == null) {
			throw new IllegalStateException("The management server has not started on a port of its own");
		}
		return port;
	}

	/**
	 * A client for the actuator endpoints, based at {@code /actuator} on the management
	 * port.
	 */
	public WebTestClient managementClient() {
		return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort() + "/actuator").build();
	}

	@Override
	public void close() {
		this.context.close();
	}

	private static org.springframework.boot.SpringApplication withOwnNettyResources(
			org.springframework.boot.SpringApplication application) {
		application.addInitializers(new OwnNettyResources());
		return application;
	}

}
