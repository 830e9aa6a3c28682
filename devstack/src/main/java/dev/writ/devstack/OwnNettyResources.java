package dev.writ.devstack;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Gives an application context Reactor Netty event loops of its own. By default every
 * WebFlux application in a JVM shares the global ones, and the first to close disposes
 * them under the others' feet; the demo and the tests run several applications in one JVM
 * and close some of them early.
 */
public final class OwnNettyResources implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		// a bean definition rather than a singleton, so that the context starts and stops
		// it like its own
		((GenericApplicationContext) context).registerBean("reactorResourceFactory", ReactorResourceFactory.class,
				() -> {
					ReactorResourceFactory resources = new ReactorResourceFactory();
					resources.setUseGlobalResources(false);
					return resources;
				});
	}

}
