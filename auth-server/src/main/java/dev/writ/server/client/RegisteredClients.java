package dev.writ.server.client;

import org.springframework.lang.Nullable;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where registered clients are kept.
 *
 * <p>
 * Contract: {@link #findByClientId} completes empty for an unknown client (never with an
 * error); {@link #save} inserts or replaces the whole registration, so a reader never
 * sees half of one; {@link #list} pages through clients in the order of their ids, so a
 * page that starts after the last id of the previous one neither repeats nor skips a
 * client. Each runs in the caller's transaction, if any.
 */
public interface RegisteredClients {

	Mono<Client> findByClientId(String clientId);

	/**
	 * {@link #findByClientId}, locking the client until the caller's transaction ends, so
	 * that two changes made at once (read, change, {@link #save}) cannot lose one
	 * another.
	 */
	Mono<Client> lock(String clientId);

	Mono<Void> save(Client client);

	/**
	 * At most {@code limit} clients, ordered by client id.
	 * @param organizationId only the clients of this organization, or {@code null} for
	 * every client
	 * @param afterClientId only clients whose id sorts after this one (the last id of the
	 * previous page), or {@code null} to start at the first
	 */
	Flux<Client> list(@Nullable String organizationId, @Nullable String afterClientId, int limit);

	/** Deletes a client; answers it as it was, or empty if there was none. */
	Mono<Client> delete(String clientId);

}
