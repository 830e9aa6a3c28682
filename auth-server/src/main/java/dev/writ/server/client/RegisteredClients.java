package dev.writ.server.client;

import reactor.core.publisher.Mono;

/**
 * Where registered clients are kept.
 *
 * <p>
 * Contract: {@link #findByClientId} completes empty for an unknown client (never with an
 * error); {@link #save} inserts or replaces the whole registration, so a reader never
 * sees half of one.
 */
public interface RegisteredClients {

	Mono<Client> findByClientId(String clientId);

	Mono<Void> save(Client client);

}
