package dev.writ.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.writ.devstack.DevStack;
import dev.writ.devstack.OwnNettyResources;
import dev.writ.sample.SampleApiApplication;
import dev.writ.server.AuthServerApplication;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * auth-server and sample-api, each in its own application context, on one PostgreSQL (a
 * database each) and one Redis, configured through the same standard properties a
 * deployment sets. The README's quick start and the end-to-end tests both run the product
 * through here.
 */
public final class DemoStack implements AutoCloseable {

	private static final String STARTER_AUTO_CONFIGURATIONS = String.join(",",
			"dev.writ.resourceserver.autoconfigure.WritResourceServerAutoConfiguration",
			"dev.writ.resourceserver.autoconfigure.WritResourceServerWebSecurityAutoConfiguration");

	/** The resource indicator the demo clients' tokens are addressed to. */
	public static final String SAMPLE_API_AUDIENCE = "http://localhost:8081";

	private final ConfigurableApplicationContext authServer;

	private final ConfigurableApplicationContext sampleApi;

	private final int authServerPort;

	private final int sampleApiPort;

	private final Map<String, Object> authServerProperties;

	private DemoStack(ConfigurableApplicationContext authServer, ConfigurableApplicationContext sampleApi,
			int authServerPort, int sampleApiPort, Map<String, Object> authServerProperties) {
		this.authServerProperties = Map.copyOf(authServerProperties);
		this.authServer = authServer;
		this.sampleApi = sampleApi;
		this.authServerPort = authServerPort;
		this.sampleApiPort = sampleApiPort;
	}

	/**
	 * Starts both services with the demo data.
	 * @param stack where PostgreSQL and Redis run
	 * @param authServerPort the auth-server's port (its issuer is
	 * {@code http://localhost:<port>})
	 * @param sampleApiPort sample-api's port
	 * @param authServerProperties extra auth-server properties (they win over the
	 * defaults)
	 * @param sampleApiProperties extra sample-api properties
	 */
	public static DemoStack start(DevStack stack, int authServerPort, int sampleApiPort,
			Map<String, Object> authServerProperties, Map<String, Object> sampleApiProperties) {
		String suffix = (authServerPort == 9000) ? "" : "_" + authServerPort;
		String authDatabase = stack.postgres().createDatabase("writ" + suffix);
		String apiDatabase = stack.postgres().createDatabase("sample_api" + suffix);
		String issuer = "http://localhost:" + authServerPort;

		Map<String, Object> auth = stores(stack, authDatabase);
		auth.put("server.port", authServerPort);
		// the quick start's documented management port; elsewhere any free one
		auth.put("management.server.port", (authServerPort == 9000) ? 9001 : 0);
		auth.put("writ.issuer", issuer);
		// sample-api brings the resource-server starter onto this shared classpath; the
		// auth-server is not its user.
		auth.put("spring.autoconfigure.exclude", STARTER_AUTO_CONFIGURATIONS);
		auth.putAll(authServerProperties);
		ConfigurableApplicationContext authServer = withOwnNettyResources(AuthServerApplication.application())
			.run(arguments(auth));

		Map<String, Object> api = stores(stack, apiDatabase);
		api.put("server.port", sampleApiPort);
		api.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer);
		// An identifier, not an address: the demo clients are registered for this
		// audience whatever the port.
		api.put("writ.resource-server.audience", SAMPLE_API_AUDIENCE);
		// API tokens (writ_pat_...) are introspected with the demo's sample-api client
		api.put("writ.resource-server.api-tokens.client-id", "sample-api");
		api.put("writ.resource-server.api-tokens.client-secret", "sample-api-secret");
		api.putAll(sampleApiProperties);
		ConfigurableApplicationContext sampleApi;
		try {
			sampleApi = withOwnNettyResources(SampleApiApplication.application()).run(arguments(api));
		}
		catch (RuntimeException ex) {
			authServer.close();
			throw ex;
		}
		return new DemoStack(authServer, sampleApi, authServerPort, sampleApiPort, auth);
	}

	private static Map<String, Object> stores(DevStack stack, String database) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.profiles.active", "demo");
		properties.put("spring.r2dbc.url", stack.postgres().r2dbcUrl(database));
		properties.put("spring.r2dbc.username", stack.postgres().username());
		properties.put("spring.r2dbc.password", stack.postgres().password());
		properties.put("spring.flyway.url", stack.postgres().jdbcUrl(database));
		properties.put("spring.flyway.user", stack.postgres().username());
		properties.put("spring.flyway.password", stack.postgres().password());
		properties.put("spring.data.redis.url", stack.redis().url());
		return properties;
	}

	private static String[] arguments(Map<String, Object> properties) {
		List<String> arguments = new ArrayList<>();
		properties.forEach((name, value) -> arguments.add("--" + name + "=" + value));
		return arguments.toArray(String[]::new);
	}

	public String authServerUrl() {
		return "http://localhost:" + this.authServerPort;
	}

	public String sampleApiUrl() {
		return "http://localhost:" + this.sampleApiPort;
	}

	/** The auth-server's management (actuator) base URL, on loopback. */
	public String authServerManagementUrl() {
		return "http://127.0.0.1:" + this.authServer.getEnvironment().getProperty("local.management.port");
	}

	public ConfigurableApplicationContext authServer() {
		return this.authServer;
	}

	public ConfigurableApplicationContext sampleApi() {
		return this.sampleApi;
	}

	/**
	 * Starts another auth-server node beside this one, as a load balancer would have it:
	 * the same issuer, database and Redis, on its own port. The caller closes it.
	 */
	public ConfigurableApplicationContext startAuthServerNode(int port) {
		Map<String, Object> node = new LinkedHashMap<>(this.authServerProperties);
		node.put("server.port", port);
		node.put("management.server.port", 0);
		return withOwnNettyResources(AuthServerApplication.application()).run(arguments(node));
	}

	@Override
	public void close() {
		this.sampleApi.close();
		this.authServer.close();
	}

	private static org.springframework.boot.SpringApplication withOwnNettyResources(
			org.springframework.boot.SpringApplication application) {
		application.addInitializers(new OwnNettyResources());
		return application;
	}

}
