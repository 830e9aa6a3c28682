package dev.writ.server.org;

import java.util.Collection;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where organizations are kept.
 *
 * <p>
 * Contract: lookups complete empty (never with an error) for an unknown id;
 * {@link #findAllById} answers the known ones, ordered by name.
 */
public interface Organizations {

	Mono<Organization> findById(String id);

	Flux<Organization> findAllById(Collection<String> ids);

}
