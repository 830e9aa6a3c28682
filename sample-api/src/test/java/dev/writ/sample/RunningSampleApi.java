package dev.writ.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.writ.devstack.DevStack;
import dev.writ.resourceserver.test.TestIssuer;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The sample API over real HTTP on a random port, on a database of its own in the shared
 * PostgreSQL and on the shared Redis, trusting a {@link TestIssuer} in place of the
 * auth-server.
 */
public final class RunningSampleApi implements AutoCloseable {

	public static final String AUDIENCE = "http://localhost:8081";

	private final ConfigurableApplicationContext context;

	private RunningSampleApi(ConfigurableApplicationContext context) {
		this.context = context;
	}

	public static RunningSampleApi start(TestIssuer issuer) {
		return start(issuer, "sample_api_" + UUID.randomUUID().toString().replace("-", ""), true, Map.of());
	}

	/**
	 * Starts the API on {@code database}, created empty first when {@code create} is set.
	 */
	public static RunningSampleApi start(TestIssuer issuer, String database, boolean create,
			Map<String, Object> properties) {
		DevStack stack = DevStack.shared();
		if (create) {
			stack.postgres().createDatabase(database);
		}
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("server.port", 0);
		all.put("spring.r2dbc.url", stack.postgres().r2dbcUrl(database));
		all.put("spring.r2dbc.username", stack.postgres().username());
		all.put("spring.r2dbc.password", stack.postgres().password());
		all.put("spring.flyway.url", stack.postgres().jdbcUrl(database));
		all.put("spring.data.redis.url", stack.redis().url());
		all.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer.issuer());
		all.putAll(properties);
		List<String> args = new ArrayList<>();
		all.forEach((key, value) -> args.add("--" + key + "=" + value));
		return new RunningSampleApi(SampleApiApplication.application().run(args.toArray(String[]::new)));
	}

	/**
	 * The API's own database, for tests that set up or check rows the API has no route
	 * for.
	 */
	public DatabaseClient database() {
		return this.context.getBean(DatabaseClient.class);
	}

	public WebTestClient client() {
		int port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
		// The first request of a fresh application (JWKS fetch, cold JIT) can outlast
		// WebTestClient's 5 s default on a loaded two-core machine.
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + port)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	@Override
	public void close() {
		this.context.close();
	}

}
