package dev.writ.sample.project;

import jakarta.validation.Validator;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Validates one invalid body of each kind at start-up. Hibernate Validator reads its
 * message bundle from the jar the first time a constraint fails; done here, that file
 * read happens on the main thread instead of on an event loop during the first invalid
 * request. (WebFlux does not set a per-request locale for it, so one bundle is all it
 * reads.)
 */
@Component
class ValidationWarmUp implements SmartInitializingSingleton {

	private final Validator validator;

	ValidationWarmUp(Validator validator) {
		this.validator = validator;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.validator.validate(new NewProject(" "));
		this.validator.validate(new NewDeployment("nowhere", ""));
	}

}
