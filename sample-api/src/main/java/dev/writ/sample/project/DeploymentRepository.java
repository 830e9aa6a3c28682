package dev.writ.sample.project;

import java.util.UUID;

import reactor.core.publisher.Flux;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

/** Deployments; callers reach them only through a project of their organization. */
interface DeploymentRepository extends ReactiveCrudRepository<Deployment, UUID> {

	Flux<Deployment> findAllByProjectIdOrderByCreatedAtAscIdAsc(UUID projectId);

}
