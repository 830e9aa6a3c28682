package dev.writ.resourceserver.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@link TestApi} running over real HTTP on a random port, trusting a {@link TestIssuer}.
 */
public final class RunningApi implements AutoCloseable {

	public static final String AUDIENCE = "http://localhost:8081";

	private final ConfigurableApplicationContext context;

	private RunningApi(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Starts the API; {@code properties} add to or override the defaults (revocation
	 * off).
	 */
	public static RunningApi start(TestIssuer issuer, Map<String, Object> properties) {
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("server.port", 0);
		all.put("spring.main.banner-mode", "off");
		all.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer.issuer());
		all.put("writ.resource-server.audience", AUDIENCE);
		all.put("writ.resource-server.revocation.mode", "none");
		all.putAll(properties);
		List<String> args = new ArrayList<>();
		all.forEach((key, value) -> args.add("--" + key + "=" + value));
		SpringApplication application = new SpringApplication(TestApi.class);
		return new RunningApi(application.run(args.toArray(String[]::new)));
	}

	public ConfigurableApplicationContext context() {
		return this.context;
	}

	public WebTestClient client() {
		int port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
		return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
	}

	@Override
	public void close() {
		this.context.close();
	}

}
