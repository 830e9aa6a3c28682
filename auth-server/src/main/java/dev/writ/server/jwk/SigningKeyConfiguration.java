package dev.writ.server.jwk;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Signing keys: storage, rotation, the JWKS endpoint and the {@code signingkeys} actuator
 * endpoint.
 */
@Configuration(proxyBeanMethods = false)
class SigningKeyConfiguration {

	/** The time every time-dependent decision reads; tests replace it to move time. */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	SigningKeyStore signingKeyStore(DatabaseClient client, ReactiveTransactionManager transactionManager) {
		return new SigningKeyStore(client, transactionManager);
	}

	@Bean
	KeyMaterial keyMaterial(SigningKeyProperties properties) {
		SecureRandom random = signingKeyRandom();
		return new KeyMaterial(KeyEncryption.from(properties, random), random);
	}

	@Bean
	KeyRotation keyRotation(SigningKeyStore store, KeyMaterial material, SigningKeyProperties properties, Clock clock) {
		return new KeyRotation(store, material, properties, clock);
	}

	@Bean
	SigningKeys signingKeys(SigningKeyStore store, KeyRotation rotation, KeyMaterial material,
			SigningKeyProperties properties, Clock clock) {
		return new SigningKeys(store, rotation, material, properties, clock);
	}

	@Bean
	@DependsOnDatabaseInitialization
	SigningKeyMaintenance signingKeyMaintenance(SigningKeyStore store, KeyMaterial material, KeyRotation rotation,
			SigningKeys keys, SigningKeyProperties properties) {
		return new SigningKeyMaintenance(store, material, rotation, keys, properties);
	}

	@Bean
	JwkSetHandler jwkSetHandler(SigningKeys keys, SigningKeyProperties properties) {
		return new JwkSetHandler(keys, properties);
	}

	@Bean
	RouterFunction<ServerResponse> jwkSetRoute(JwkSetHandler handler) {
		return RouterFunctions.route(RequestPredicates.GET(JwkSetHandler.PATH), handler::jwkSet);
	}

	@Bean
	@ConditionalOnAvailableEndpoint
	SigningKeysEndpoint signingKeysEndpoint(SigningKeys keys) {
		return new SigningKeysEndpoint(keys);
	}

	/**
	 * The random source of key generation, IVs and ECDSA nonces. The platform default
	 * reads {@code /dev/urandom} through a file stream as it goes, which is a blocking
	 * call when a token is signed on an event loop; a DRBG reads its seed once, here on
	 * the start-up thread, and is thread-safe.
	 */
	static SecureRandom signingKeyRandom() {
		try {
			SecureRandom random = SecureRandom.getInstance("DRBG");
			random.nextBytes(new byte[16]);
			return random;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("The JDK offers no DRBG SecureRandom", ex);
		}
	}

}
