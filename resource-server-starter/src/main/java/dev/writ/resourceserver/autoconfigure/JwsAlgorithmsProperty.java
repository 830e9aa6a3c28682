package dev.writ.resourceserver.autoconfigure;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.JWSAlgorithm;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Reads {@code writ.resource-server.algorithms}, refusing anything but asymmetric
 * signature algorithms.
 */
final class JwsAlgorithmsProperty {

	static final String NAME = "writ.resource-server.algorithms";

	private JwsAlgorithmsProperty() {
	}

	static Set<JWSAlgorithm> parse(List<String> names) {
		if (names.isEmpty()) {
			throw new InvalidConfigurationPropertyValueException(NAME, names, "At least one algorithm is needed");
		}
		Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
		for (String name : names) {
			algorithms.add(parse(name.trim()));
		}
		return algorithms;
	}

	private static JWSAlgorithm parse(String name) {
		JWSAlgorithm algorithm = JWSAlgorithm.parse(name);
		if (Algorithm.NONE.getName().equalsIgnoreCase(name) || JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
			// With a MAC, anyone who can verify can sign: a resource server must never
			// accept one.
			throw new InvalidConfigurationPropertyValueException(NAME, name,
					"Only asymmetric signature algorithms may verify access tokens");
		}
		if (!JWSAlgorithm.Family.SIGNATURE.contains(algorithm)) {
			throw new InvalidConfigurationPropertyValueException(NAME, name, "Unknown JWS algorithm");
		}
		return algorithm;
	}

}
