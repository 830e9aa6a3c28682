package dev.writ.server.client;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Client secrets are stored as {@code {id}hash} strings (bcrypt by default), so the
 * hashing scheme can change without invalidating the secrets already issued.
 */
@Configuration(proxyBeanMethods = false)
class ClientSecretEncoding {

	@Bean
	PasswordEncoder clientSecretEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
