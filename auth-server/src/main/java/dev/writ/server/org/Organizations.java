package dev.writ.server.org;

import java.util.Collection;

import org.jspecify.annotations.Nullable;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where organizations are kept.
 *
 * <p>
 * Contract: lookups complete empty (never with an error) for an unknown id;
 * {@link #findAllById} answers the known ones, ordered by name; {@link #findPage} walks
 * all of them in the order of their ids, so a page starts exactly where the previous
 * ended. Slugs are unique.
 */
public interface Organizations {

	Mono<Organization> findById(String id);

	Flux<Organization> findAllById(Collection<String> ids);

	/** At most {@code limit} organizations whose ids come after {@code afterId}. */
	Flux<Organization> findPage(@Nullable String afterId, int limit);

	/**
	 * Creates an organization with a new {@code org_} id; fails with
	 * {@link DuplicateSlugException} when the slug is taken. Runs in the caller's
	 * transaction, if any.
	 */
	Mono<Organization> create(String slug, String name);

	/** Renames an organization; empty when there is none. */
	Mono<Organization> rename(String id, String name);

	/**
	 * Deletes an organization, and with it (by the schema's cascades) its memberships,
	 * clients, invitations and API tokens; answers whether there was one.
	 */
	Mono<Boolean> delete(String id);

}
