package dev.writ.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo data's secrets are published in the README: nobody should run it unknowingly.
 */
@Component
@Profile("demo")
final class DemoProfileWarning {

	private static final Logger logger = LoggerFactory.getLogger(DemoProfileWarning.class);

	@EventListener(ApplicationReadyEvent.class)
	void warn() {
		logger.warn("*** The 'demo' profile is active: demo clients with PUBLIC secrets are registered. "
				+ "Never expose this server to a network. ***");
	}

}
