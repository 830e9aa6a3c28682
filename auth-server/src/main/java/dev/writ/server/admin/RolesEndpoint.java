package dev.writ.server.admin;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.writ.server.org.Grantor;
import dev.writ.server.org.InvalidRoleException;
import dev.writ.server.org.OrganizationRoles;
import dev.writ.server.org.Permissions;
import dev.writ.server.org.Role;
import dev.writ.server.org.RoleConflictException;
import dev.writ.server.org.RoleEscalationException;
import dev.writ.server.org.UnknownRoleException;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;

/**
 * An organization's roles: {@code GET/POST .../organizations/{org}/roles},
 * {@code GET/PUT/DELETE .../roles/{name}}. Any member with
 * {@value AdminScopes#MANAGE_ORGANIZATION} may read them (who may be given what is no
 * secret within the organization); defining, changing and deleting need
 * {@value Permissions#ROLES_MANAGE}, and never reach beyond the caller's own permissions
 * ({@link OrganizationRoles}). The built-in roles are listed but read-only.
 */
@Component
final class RolesEndpoint {

	static final String ROLES = AdminApi.PATH + "/organizations/{org}/roles";

	static final String ROLE = ROLES + "/{name}";

	private final AdminAuthorization authorization;

	private final OrganizationRoles roles;

	RolesEndpoint(AdminAuthorization authorization, OrganizationRoles roles) {
		this.authorization = authorization;
		this.roles = roles;
	}

	Mono<ServerResponse> list(ServerRequest request) {
		String organization = request.pathVariable("org");
		return this.authorization.inOrganization(request, organization)
			.flatMap((access) -> this.roles.list(organization).map(RolesEndpoint::json).collectList())
			.flatMap((roles) -> ok(Map.of("roles", roles)));
	}

	Mono<ServerResponse> get(ServerRequest request) {
		String organization = request.pathVariable("org");
		String name = request.pathVariable("name");
		return this.authorization.inOrganization(request, organization)
			.flatMap((access) -> this.roles.find(organization, name))
			.switchIfEmpty(Mono.error(() -> notFound(name)))
			.flatMap((role) -> ok(json(role)));
	}

	Mono<ServerResponse> create(ServerRequest request) {
		String organization = request.pathVariable("org");
		return this.authorization.inOrganization(request, organization, Permissions.ROLES_MANAGE)
			.flatMap((access) -> RoleRequest.definition(request)
				.flatMap((body) -> this.roles.define(organization, body.name(), body.description(), body.permissions(),
						grantor(access))))
			.onErrorMap(RolesEndpoint::problem)
			.flatMap((role) -> ServerResponse
				.created(URI.create(AdminApi.PATH + "/organizations/" + organization + "/roles/" + role.name()))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(json(role)));
	}

	Mono<ServerResponse> update(ServerRequest request) {
		String organization = request.pathVariable("org");
		String name = request.pathVariable("name");
		return this.authorization.inOrganization(request, organization, Permissions.ROLES_MANAGE)
			.flatMap((access) -> RoleRequest.replacement(request)
				.flatMap((body) -> this.roles.update(organization, name, body.description(), body.permissions(),
						grantor(access))))
			.onErrorMap(RolesEndpoint::problem)
			.flatMap((role) -> ok(json(role)));
	}

	Mono<ServerResponse> delete(ServerRequest request) {
		String organization = request.pathVariable("org");
		String name = request.pathVariable("name");
		return this.authorization.inOrganization(request, organization, Permissions.ROLES_MANAGE)
			.flatMap((access) -> this.roles.delete(organization, name, grantor(access)))
			.onErrorMap(RolesEndpoint::problem)
			.then(Mono.defer(() -> ServerResponse.noContent().build()));
	}

	private static Grantor grantor(OrganizationAccess access) {
		return new Grantor(access.caller().actor(), access.permissions());
	}

	/** The admin API's problem for what {@link OrganizationRoles} refused. */
	private static Throwable problem(Throwable failure) {
		if (failure instanceof InvalidRoleException invalid) {
			return AdminProblem.validation(invalid.violations()
				.stream()
				.map((violation) -> AdminProblem.FieldError.member(violation.field(), violation.detail()))
				.toList());
		}
		if (failure instanceof RoleEscalationException escalation) {
			return AdminProblem.forbidden(escalation.getMessage());
		}
		if (failure instanceof RoleConflictException conflict) {
			return AdminProblem.conflict(conflict.getMessage());
		}
		if (failure instanceof UnknownRoleException unknown) {
			return notFound(unknown.role());
		}
		return failure;
	}

	private static AdminProblem notFound(String name) {
		return AdminProblem.notFound("the organization has no role '" + name + "'");
	}

	private static Map<String, Object> json(Role role) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("name", role.name());
		json.put("description", role.description());
		json.put("permissions", role.permissions());
		json.put("builtIn", role.builtIn());
		if (role.createdAt() != null) {
			json.put("createdAt", role.createdAt().toString());
		}
		if (role.updatedAt() != null) {
			json.put("updatedAt", role.updatedAt().toString());
		}
		return json;
	}

	private static Mono<ServerResponse> ok(Object body) {
		return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
	}

}
