package dev.writ.server.consent;

import dev.writ.server.protocol.Scope;

import reactor.core.publisher.Mono;

/**
 * The scopes each user has allowed each client, so that a later request within them is
 * granted without asking again.
 *
 * <p>
 * Contract: {@link #granted} completes with {@link Scope#EMPTY} when the user never
 * consented; {@link #grant} adds to what was granted before, never narrowing it.
 */
public interface Consents {

	Mono<Scope> granted(String userId, String clientId);

	Mono<Void> grant(String userId, String clientId, Scope scope);

}
