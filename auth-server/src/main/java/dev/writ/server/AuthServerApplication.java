package dev.writ.server;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Writ's authorization server.
 *
 * <p>
 * Its configuration file is {@code auth-server.yml} rather than {@code application.yml}
 * so that it can run in one JVM beside sample-api (the demo launcher and the end-to-end
 * tests do) without either reading the other's defaults.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AuthServerApplication {

	public static void main(String[] args) {
		application().run(args);
	}

	/**
	 * The application as {@link #main} runs it; tests and the demo launcher start it
	 * through here.
	 */
	public static SpringApplication application() {
		SpringApplication application = new SpringApplication(AuthServerApplication.class);
		// named here, or a launcher that starts several applications would be logged as
		// their main class
		application.setMainApplicationClass(AuthServerApplication.class);
		application.setDefaultProperties(Map.of("spring.config.name", "auth-server"));
		return application;
	}

}
