package dev.writ.server.admin;

/**
 * A secret rotation for a client that authenticates without a secret: a public client
 * ({@code none}) or one that signs assertions with its own key ({@code private_key_jwt}).
 */
public final class ClientHasNoSecretException extends RuntimeException {

	ClientHasNoSecretException(String clientId, String method) {
		super("the client '" + clientId + "' authenticates with '" + method + "', not with a client secret", null,
				false, false);
	}

}
