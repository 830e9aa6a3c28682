package dev.writ.server.jwk;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The signing-key components of one auth-server node, wired as
 * {@link SigningKeyConfiguration} wires them, on a test database and a test clock,
 * without the rest of the application.
 */
final class SigningKeyNode {

	static final String ENCRYPTION_KEY = "x1xZ7oW6q3l0m9hH8V3uKc0m2zF5yQ1pL4rT6sN8dA0=";

	static final String OTHER_ENCRYPTION_KEY = "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGw=";

	final SigningKeyProperties properties;

	final SigningKeyStore store;

	final KeyEncryption encryption;

	final KeyMaterial material;

	final KeyRotation rotation;

	final SigningKeys keys;

	final SigningKeyMaintenance maintenance;

	SigningKeyNode(TestDatabase database, Clock clock, Map<String, String> properties) {
		this.properties = properties(properties);
		this.store = new SigningKeyStore(database.client(), database.transactionManager());
		this.encryption = KeyEncryption.from(this.properties, SigningKeyConfiguration.signingKeyRandom());
		this.material = new KeyMaterial(this.encryption, SigningKeyConfiguration.signingKeyRandom());
		this.rotation = new KeyRotation(this.store, this.material, this.properties, clock);
		this.keys = new SigningKeys(this.store, this.rotation, this.material, this.properties, clock);
		this.maintenance = new SigningKeyMaintenance(this.store, this.material, this.rotation, this.keys,
				this.properties);
	}

	/**
	 * A node with the test key-encryption key and otherwise default properties unless
	 * overridden.
	 */
	static SigningKeyNode on(TestDatabase database, Clock clock, String... properties) {
		Map<String, String> map = new LinkedHashMap<>();
		map.put("writ.keys.encryption-key", ENCRYPTION_KEY);
		for (String property : properties) {
			int equals = property.indexOf('=');
			map.put(property.substring(0, equals), property.substring(equals + 1));
		}
		return new SigningKeyNode(database, clock, map);
	}

	/**
	 * Binds {@code writ.keys.*} as the application does, defaults and validation
	 * included.
	 */
	static SigningKeyProperties properties(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("writ.keys",
				SigningKeyProperties.class);
	}

}
