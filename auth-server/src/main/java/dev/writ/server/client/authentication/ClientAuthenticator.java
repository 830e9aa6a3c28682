package dev.writ.server.client.authentication;

import dev.writ.server.client.Client;
import dev.writ.server.client.RegisteredClients;
import dev.writ.server.protocol.FormParameters;
import dev.writ.server.protocol.OAuth2Exception;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Authenticates the client of a protocol request (RFC 6749 §2.3) by the method it
 * presented, which its registration must allow.
 *
 * <p>
 * Every failure is the same {@code invalid_client}: an unknown client, a method it may
 * not use and a wrong secret are indistinguishable to the caller, and take the same time
 * (see {@link ClientSecretVerifier}).
 */
@Component
public final class ClientAuthenticator {

	private final RegisteredClients clients;

	private final ClientSecretVerifier secrets;

	private final ClientAssertionVerifier assertions;

	ClientAuthenticator(RegisteredClients clients, ClientSecretVerifier secrets, ClientAssertionVerifier assertions) {
		this.clients = clients;
		this.secrets = secrets;
		this.assertions = assertions;
	}

	/**
	 * Authenticates the client of a form-encoded protocol request by what its headers and
	 * parameters present.
	 * @param headers the request headers (for {@code client_secret_basic})
	 * @param parameters the form parameters (for the other methods)
	 * @param endpoint the absolute URL of the endpoint called, an acceptable audience of
	 * a client assertion
	 */
	public Mono<AuthenticatedClient> authenticate(HttpHeaders headers, FormParameters parameters, String endpoint) {
		return authenticate(ClientCredentials.extract(headers, parameters), endpoint);
	}

	/**
	 * @param credentials what the request presented
	 * @param endpoint the absolute URL of the endpoint called, an acceptable audience of
	 * a client assertion
	 */
	public Mono<AuthenticatedClient> authenticate(ClientCredentials credentials, String endpoint) {
		return this.clients.findByClientId(credentials.clientId())
			.flatMap((client) -> verify(client, credentials, endpoint))
			.switchIfEmpty(this.secrets.spendUnknownClient(credentials)
				.then(Mono.error(() -> OAuth2Exception.invalidClient("client authentication failed"))));
	}

	private Mono<AuthenticatedClient> verify(Client client, ClientCredentials credentials, String endpoint) {
		ClientAuthenticationMethod method = credentials.method();
		if (!client.registration().getClientAuthenticationMethods().contains(method)) {
			return this.secrets.spendUnknownClient(credentials)
				.then(Mono.error(() -> OAuth2Exception.invalidClient("client authentication failed")));
		}
		Mono<Client> verified;
		if (ClientAuthenticationMethod.CLIENT_SECRET_BASIC.equals(method)
				|| ClientAuthenticationMethod.CLIENT_SECRET_POST.equals(method)) {
			verified = this.secrets.verify(client, credentials.secret());
		}
		else if (ClientAuthenticationMethod.PRIVATE_KEY_JWT.equals(method)) {
			verified = this.assertions.verify(client, credentials.assertion(), endpoint);
		}
		else {
			verified = Mono.just(client);
		}
		return verified.map((authenticated) -> new AuthenticatedClient(authenticated, method));
	}

}
