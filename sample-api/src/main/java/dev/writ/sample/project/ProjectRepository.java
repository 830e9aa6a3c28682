package dev.writ.sample.project;

import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

/**
 * Projects, always looked up within one organization so that no query can reach
 * another's.
 */
interface ProjectRepository extends ReactiveCrudRepository<Project, UUID> {

	Flux<Project> findAllByOrganizationIdOrderByCreatedAtAscIdAsc(String organizationId);

	Mono<Project> findByIdAndOrganizationId(UUID id, String organizationId);

}
