package dev.writ.server.admin.organization;

import java.net.URI;

import dev.writ.server.account.Users;
import dev.writ.server.admin.AdminApi;
import dev.writ.server.admin.AdminAuthentication;
import dev.writ.server.admin.AdminAuthorization;
import dev.writ.server.admin.AdminCaller;
import dev.writ.server.admin.AdminProblem;
import dev.writ.server.admin.Page;
import dev.writ.server.admin.AdminScopes;
import dev.writ.server.admin.JsonBody;
import dev.writ.server.admin.OrganizationAdministration;
import dev.writ.server.admin.QueryParameters;
import dev.writ.server.apitoken.ApiTokens;
import dev.writ.server.org.DuplicateSlugException;
import dev.writ.server.org.Memberships;
import dev.writ.server.org.Organization;
import dev.writ.server.org.Organizations;
import dev.writ.server.org.Permissions;
import dev.writ.server.protocol.NoStoreResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;

/**
 * {@code /admin/api/organizations}: list, create, read, change and delete organizations.
 * A user sees the organization of their token and may create new ones (becoming their
 * owner, as self-serve workspace creation goes); the platform
 * ({@value AdminScopes#ADMIN_ORGANIZATIONS}) sees them all and creates them for a named
 * owner.
 */
@Component
final class OrganizationsApi {

	static final String PATH = AdminApi.PATH + "/organizations";

	static final String ONE = PATH + "/{org}";

	private static final int DEFAULT_LIMIT = 50;

	private static final int MAX_LIMIT = 100;

	private final AdminAuthentication authentication;

	private final AdminAuthorization authorization;

	private final Organizations organizations;

	private final Memberships memberships;

	private final OrganizationAdministration administration;

	private final ApiTokens apiTokens;

	private final Users users;

	OrganizationsApi(AdminAuthentication authentication, AdminAuthorization authorization, Organizations organizations,
			Memberships memberships, OrganizationAdministration administration, ApiTokens apiTokens, Users users) {
		this.authentication = authentication;
		this.authorization = authorization;
		this.organizations = organizations;
		this.memberships = memberships;
		this.administration = administration;
		this.apiTokens = apiTokens;
		this.users = users;
	}

	/**
	 * {@code GET}: the platform pages through every organization by id ({@code limit},
	 * {@code after}); a user gets the organization of their token, if they are still a
	 * member.
	 */
	Mono<ServerResponse> list(ServerRequest request) {
		return this.authentication.authenticate(request).flatMap((caller) -> {
			QueryParameters query = QueryParameters.of(request);
			int limit = query.limit("limit", DEFAULT_LIMIT, MAX_LIMIT);
			String after = query.string("after", 200);
			query.validate();
			if (caller.isPlatform(AdminScopes.ADMIN_ORGANIZATIONS)) {
				return this.organizations.findPage(after, limit)
					.map(OrganizationJson::of)
					.collectList()
					.map((items) -> Page.of(items, limit, OrganizationJson::id));
			}
			requireScope(caller);
			String organizationId = caller.organizationId();
			if (organizationId == null) {
				return Mono.just(Page.<OrganizationJson>of(java.util.List.of()));
			}
			return this.memberships.find(caller.userId(), organizationId)
				.flatMap((membership) -> this.organizations.findById(organizationId))
				.map(OrganizationJson::of)
				.map(java.util.List::of)
				.defaultIfEmpty(java.util.List.of())
				.map(Page::of);
		}).flatMap(NoStoreResponse::json);
	}

	/**
	 * {@code POST}: 201 with the organization and its {@code Location}; the owner is the
	 * calling user, or the user the platform names.
	 */
	Mono<ServerResponse> create(ServerRequest request) {
		return this.authentication.authenticate(request).flatMap((caller) -> {
			if (!caller.isPlatform(AdminScopes.ADMIN_ORGANIZATIONS)) {
				requireScope(caller);
			}
			return JsonBody.read(request)
				.map(CreateOrganizationRequest::parse)
				.flatMap((create) -> owner(caller, create)
					.flatMap((owner) -> this.administration.create(caller, create.slug(), create.name(), owner)));
		})
			.onErrorMap(DuplicateSlugException.class, (ex) -> AdminProblem.conflict(ex.getMessage()))
			.flatMap((organization) -> details(organization)
				.flatMap((json) -> ServerResponse.created(URI.create(PATH + "/" + organization.id()))
					.cacheControl(CacheControl.noStore())
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(json)));
	}

	/** Who will own a new organization, if the caller may create it for them. */
	private Mono<String> owner(AdminCaller caller, CreateOrganizationRequest create) {
		if (caller.isPlatform(AdminScopes.ADMIN_ORGANIZATIONS)) {
			if (create.owner() == null) {
				return Mono.error(AdminProblem.invalidField("owner", "is required"));
			}
			return this.users.findById(create.owner())
				.filter((user) -> !user.disabled())
				.map((user) -> user.id())
				.switchIfEmpty(Mono.error(() -> AdminProblem.invalidField("owner", "no such user")));
		}
		requireScope(caller);
		if (create.owner() != null && !create.owner().equals(caller.userId())) {
			return Mono.error(AdminProblem.forbidden("a user creates organizations for themselves only"));
		}
		return Mono.just(caller.userId());
	}

	/** {@code GET {org}}: for any member, and the platform. */
	Mono<ServerResponse> get(ServerRequest request) {
		return this.authorization.inOrganization(request, request.pathVariable("org"))
			.flatMap((access) -> this.organizations.findById(access.organizationId()))
			.switchIfEmpty(Mono.error(() -> AdminProblem.notFound("no such organization")))
			.flatMap(this::details)
			.flatMap(NoStoreResponse::json);
	}

	/** {@code PATCH {org}}: rename, or change the API-token policy. */
	Mono<ServerResponse> update(ServerRequest request) {
		return this.authorization.inOrganization(request, request.pathVariable("org"), Permissions.ORGANIZATION_UPDATE)
			.flatMap((access) -> JsonBody.read(request)
				.map(UpdateOrganizationRequest::parse)
				.flatMap((changes) -> this.administration.update(access.caller(), access.organizationId(), changes)))
			.switchIfEmpty(Mono.error(() -> AdminProblem.notFound("no such organization")))
			.flatMap(this::details)
			.flatMap(NoStoreResponse::json);
	}

	/** {@code DELETE {org}}: 204; for an owner, and the platform. */
	Mono<ServerResponse> delete(ServerRequest request) {
		return this.authorization.inOrganization(request, request.pathVariable("org"), Permissions.ORGANIZATION_DELETE)
			.flatMap((access) -> this.administration.delete(access.caller(), access.organizationId()))
			.flatMap((deleted) -> deleted ? ServerResponse.noContent().build()
					: Mono.error(AdminProblem.notFound("no such organization")));
	}

	private Mono<OrganizationJson> details(Organization organization) {
		return this.apiTokens.maxLifetime(organization.id())
			.map((lifetime) -> OrganizationJson.of(organization, lifetime));
	}

	private static void requireScope(AdminCaller caller) {
		if (!caller.isOrganizationUser()) {
			throw AdminProblem
				.insufficientScope(caller.user() ? AdminScopes.MANAGE_ORGANIZATION : AdminScopes.ADMIN_ORGANIZATIONS);
		}
	}

}
