package dev.writ.sample;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A downstream API that the Writ starter protects: projects and deployments of the
 * caller's organization. Its only security code is a {@code @RequireScope} or
 * {@code @RequireOrgRole} per route; the starter does the rest from
 * {@code sample-api.yml}.
 *
 * <p>
 * Its configuration file is {@code sample-api.yml} rather than {@code application.yml} so
 * that it can run in one JVM beside the auth-server without either reading the other's
 * defaults.
 */
@SpringBootApplication
public class SampleApiApplication {

	public static void main(String[] args) {
		application().run(args);
	}

	/**
	 * The application as {@link #main} runs it; tests and the demo launcher start it
	 * through here.
	 */
	public static SpringApplication application() {
		SpringApplication application = new SpringApplication(SampleApiApplication.class);
		// named here, or a launcher that starts several applications would be logged as
		// their main class
		application.setMainApplicationClass(SampleApiApplication.class);
		application.setDefaultProperties(Map.of("spring.config.name", "sample-api"));
		return application;
	}

}
