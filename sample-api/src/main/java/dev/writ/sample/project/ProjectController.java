package dev.writ.sample.project;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;

import dev.writ.resourceserver.OrgRole;
import dev.writ.resourceserver.RequireOrgRole;
import dev.writ.resourceserver.RequireScope;
import dev.writ.resourceserver.WritPrincipal;
import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Projects and deployments of the caller's organization. Each route names its scope
 * (deleting also an organization role); the organization comes from the token
 * ({@link WritPrincipal#requireOrganization()}), never from the request, so a caller
 * cannot address another organization's data.
 *
 * <p>
 * Request bodies are taken as {@code Mono}s so that they are read and validated only
 * after the scope check: a caller without the scope learns nothing about what a valid
 * body looks like.
 */
@RestController
class ProjectController {

	private final ProjectRepository projects;

	private final DeploymentRepository deployments;

	private final Clock clock;

	ProjectController(ProjectRepository projects, DeploymentRepository deployments) {
		this.projects = projects;
		this.deployments = deployments;
		this.clock = Clock.systemUTC();
	}

	@GetMapping("/projects")
	@RequireScope("read:projects")
	Flux<Project> list(@AuthenticationPrincipal WritPrincipal caller) {
		return Flux
			.defer(() -> this.projects.findAllByOrganizationIdOrderByCreatedAtAscIdAsc(caller.requireOrganization()));
	}

	@PostMapping("/projects")
	@RequireScope("write:projects")
	Mono<ResponseEntity<Project>> create(@AuthenticationPrincipal WritPrincipal caller,
			@Valid @RequestBody Mono<NewProject> body) {
		return Mono.fromSupplier(caller::requireOrganization)
			.flatMap((organization) -> body.map((request) -> new Project(null, organization, request.name().strip(),
					caller.subject(), this.clock.instant())))
			.flatMap(this.projects::save)
			.map((project) -> ResponseEntity.created(URI.create("/projects/" + project.id())).body(project));
	}

	@GetMapping("/projects/{id}")
	@RequireScope("read:projects")
	Mono<Project> get(@AuthenticationPrincipal WritPrincipal caller, @PathVariable String id) {
		return project(caller, id);
	}

	/**
	 * Deletes a project of the caller's organization with its deployments (the foreign
	 * key cascades). Deleting is for administrators: the scope says the client may change
	 * projects, the role says the user may remove them.
	 */
	@DeleteMapping("/projects/{id}")
	@RequireOrgRole(value = OrgRole.ADMIN, scope = "write:projects")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> delete(@AuthenticationPrincipal WritPrincipal caller, @PathVariable String id) {
		return project(caller, id).flatMap(this.projects::delete);
	}

	@PostMapping("/projects/{id}/deployments")
	@RequireScope("write:deployments")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Deployment> deploy(@AuthenticationPrincipal WritPrincipal caller, @PathVariable String id,
			@Valid @RequestBody Mono<NewDeployment> body) {
		return project(caller, id)
			.flatMap((project) -> body.map((request) -> new Deployment(null, project.id(), request.environment(),
					request.version(), caller.subject(), this.clock.instant())))
			.flatMap(this.deployments::save);
	}

	@GetMapping("/projects/{id}/deployments")
	@RequireScope("read:deployments")
	Flux<Deployment> deployments(@AuthenticationPrincipal WritPrincipal caller, @PathVariable String id) {
		return project(caller, id)
			.flatMapMany((project) -> this.deployments.findAllByProjectIdOrderByCreatedAtAscIdAsc(project.id()));
	}

	private Mono<Project> project(WritPrincipal caller, String id) {
		return Mono.fromSupplier(caller::requireOrganization)
			.flatMap((organization) -> parse(id)
				.flatMap((uuid) -> this.projects.findByIdAndOrganizationId(uuid, organization)))
			.switchIfEmpty(Mono.error(() -> new ProjectNotFoundException(id)));
	}

	// A malformed id names no project: 404 like any other unknown id, not 400.
	private static Mono<UUID> parse(String id) {
		try {
			return Mono.just(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			return Mono.empty();
		}
	}

}
