package dev.writ.server.client.authentication;

import java.time.Clock;
import java.time.Instant;

import dev.writ.server.client.Client;
import dev.writ.server.protocol.OAuth2Exception;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Checks a client secret against its stored hash (RFC 6749 §2.3.1).
 *
 * <p>
 * Hashing is deliberately slow, so it runs on the bounded-elastic scheduler and never on
 * an event loop. A request for a client that does not exist spends the same work on a
 * dummy hash, so response times do not reveal which client ids are registered.
 */
@Component
final class ClientSecretVerifier {

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	private final String dummyHash;

	ClientSecretVerifier(PasswordEncoder passwordEncoder, Clock clock) {
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
		this.dummyHash = passwordEncoder.encode("writ-dummy-secret-for-timing");
	}

	Mono<Client> verify(Client client, String secret) {
		String hash = client.registration().getClientSecret();
		Instant expiresAt = client.registration().getClientSecretExpiresAt();
		return Mono.fromCallable(() -> hash != null && this.passwordEncoder.matches(secret, hash))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((matches) -> {
				if (!matches) {
					return Mono.error(OAuth2Exception.invalidClient("client authentication failed"));
				}
				if (expiresAt != null && !expiresAt.isAfter(this.clock.instant())) {
					return Mono.error(OAuth2Exception.invalidClient("the client secret has expired"));
				}
				return Mono.just(client);
			});
	}

	Mono<Void> spendUnknownClient(ClientCredentials credentials) {
		if (credentials.secret() == null) {
			return Mono.empty();
		}
		return Mono.fromRunnable(() -> this.passwordEncoder.matches(credentials.secret(), this.dummyHash))
			.subscribeOn(Schedulers.boundedElastic())
			.then();
	}

}
