package dev.writ.server.admin.clients;

import java.net.URI;
import java.util.List;

import dev.writ.server.admin.AdminApi;
import dev.writ.server.admin.Page;
import dev.writ.server.admin.AdminAuthentication;
import dev.writ.server.admin.AdminAuthorization;
import dev.writ.server.admin.AdminCaller;
import dev.writ.server.admin.AdminProblem;
import dev.writ.server.admin.AdminScopes;
import dev.writ.server.admin.ClientAccessDeniedException;
import dev.writ.server.admin.ClientAdministration;
import dev.writ.server.admin.ClientAdministrator;
import dev.writ.server.admin.ClientHasNoSecretException;
import dev.writ.server.admin.ClientNotFoundException;
import dev.writ.server.admin.ClientRegistration;
import dev.writ.server.admin.ClientValidationException;
import dev.writ.server.admin.JsonBody;
import dev.writ.server.org.Permissions;
import dev.writ.server.protocol.NoStoreResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;

/**
 * {@code /admin/api/clients}: list, register, read, change and delete clients, and rotate
 * a client's secret. A platform operator ({@value AdminScopes#ADMIN_CLIENTS}) manages
 * every client; a user with {@value AdminScopes#MANAGE_ORGANIZATION} whose current role
 * in the token's organization has {@code clients:manage} manages that organization's
 * clients, and any other client is 404 to them, so they cannot learn which client ids
 * other organizations use. Answers that carry a client's secret, or describe one, are not
 * stored by caches.
 */
@Component
final class ClientsApi {

	static final String PATH = AdminApi.PATH + "/clients";

	static final String ONE = PATH + "/{clientId}";

	static final String SECRET = ONE + "/secret";

	private static final int DEFAULT_LIMIT = 50;

	private static final int MAX_LIMIT = 100;

	private final AdminAuthentication authentication;

	private final AdminAuthorization authorization;

	private final ClientAdministration administration;

	ClientsApi(AdminAuthentication authentication, AdminAuthorization authorization,
			ClientAdministration administration) {
		this.authentication = authentication;
		this.authorization = authorization;
		this.administration = administration;
	}

	/** {@code GET}: the clients the caller manages, by id, in pages. */
	Mono<ServerResponse> list(ServerRequest request) {
		return administrator(request).flatMap((administrator) -> {
			int limit = limit(request);
			String after = request.queryParam("after").orElse(null);
			return this.administration.list(administrator, after, limit)
				.map(ClientJson::of)
				.collectList()
				.map((items) -> Page.of(items, limit, ClientJson::clientId));
		}).flatMap(NoStoreResponse::json);
	}

	/**
	 * {@code POST}: 201 with the client, its {@code Location} and, for a confidential
	 * client, its secret.
	 */
	Mono<ServerResponse> create(ServerRequest request) {
		return administrator(request)
			.flatMap((administrator) -> JsonBody.read(request)
				.map((body) -> ClientRequest.parse(body, true))
				.flatMap((change) -> this.administration.register(administrator,
						change.apply(ClientRegistration.builder().build()))))
			.onErrorMap(ClientsApi::problem)
			.flatMap((created) -> ServerResponse.created(URI.create(PATH + "/" + created.client().clientId()))
				.cacheControl(CacheControl.noStore())
				.header(HttpHeaders.PRAGMA, "no-cache")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(ClientJson.of(created)));
	}

	/** {@code GET {clientId}}. */
	Mono<ServerResponse> get(ServerRequest request) {
		return administrator(request)
			.flatMap((administrator) -> this.administration.find(administrator, clientId(request)))
			.onErrorMap(ClientsApi::problem)
			.map(ClientJson::of)
			.flatMap(NoStoreResponse::json);
	}

	/**
	 * {@code PATCH {clientId}}: the client as changed, with a secret when the change made
	 * it confidential.
	 */
	Mono<ServerResponse> update(ServerRequest request) {
		return administrator(request)
			.flatMap((administrator) -> JsonBody.read(request)
				.map((body) -> ClientRequest.parse(body, false))
				.flatMap((change) -> this.administration.update(administrator, clientId(request), change)))
			.onErrorMap(ClientsApi::problem)
			.map(ClientJson::of)
			.flatMap(NoStoreResponse::json);
	}

	/** {@code DELETE {clientId}}: 204; its tokens die with it. */
	Mono<ServerResponse> delete(ServerRequest request) {
		return administrator(request)
			.flatMap((administrator) -> this.administration.delete(administrator, clientId(request)))
			.onErrorMap(ClientsApi::problem)
			.then(Mono.defer(() -> ServerResponse.noContent().build()));
	}

	/** {@code POST {clientId}/secret}: the client with its new secret. */
	Mono<ServerResponse> rotateSecret(ServerRequest request) {
		return administrator(request)
			.flatMap((administrator) -> this.administration.rotateSecret(administrator, clientId(request)))
			.onErrorMap(ClientsApi::problem)
			.map(ClientJson::of)
			.flatMap(NoStoreResponse::json);
	}

	/**
	 * Who calls, and within which bounds: the platform, or a user whose current role in
	 * the token's organization has {@code clients:manage}.
	 */
	private Mono<ClientAdministrator> administrator(ServerRequest request) {
		return this.authentication.authenticate(request).flatMap((caller) -> {
			if (caller.isPlatform(AdminScopes.ADMIN_CLIENTS)) {
				return Mono.just(ClientAdministrator.platform(caller.actor()));
			}
			if (!caller.isOrganizationUser()) {
				return Mono.error(AdminProblem
					.insufficientScope(caller.user() ? AdminScopes.MANAGE_ORGANIZATION : AdminScopes.ADMIN_CLIENTS));
			}
			return organizationAdministrator(caller);
		});
	}

	private Mono<ClientAdministrator> organizationAdministrator(AdminCaller caller) {
		String organizationId = caller.organizationId();
		if (organizationId == null) {
			return Mono.error(AdminProblem.forbidden("the access token speaks for no organization"));
		}
		return this.authorization.access(caller, organizationId).map((access) -> {
			if (!access.has(Permissions.CLIENTS_MANAGE)) {
				throw AdminProblem.forbidden("this needs the permission '" + Permissions.CLIENTS_MANAGE + "'");
			}
			return ClientAdministrator.ofOrganization(caller.actor(), organizationId, access.role(),
					access.permissions());
		});
	}

	private static int limit(ServerRequest request) {
		List<String> values = request.queryParams().getOrDefault("limit", List.of());
		if (values.isEmpty()) {
			return DEFAULT_LIMIT;
		}
		try {
			int limit = (values.size() == 1) ? Integer.parseInt(values.get(0)) : 0;
			if (limit >= 1 && limit <= MAX_LIMIT) {
				return limit;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw AdminProblem.validation(List.of(AdminProblem.FieldError.parameter("limit",
				"must be given once, as a whole number from 1 to " + MAX_LIMIT)));
	}

	private static String clientId(ServerRequest request) {
		return request.pathVariable("clientId");
	}

	/** The admin API's problem for what the service refused. */
	private static Throwable problem(Throwable ex) {
		if (ex instanceof ClientValidationException invalid) {
			return AdminProblem.validation(invalid.errors());
		}
		if (ex instanceof ClientNotFoundException) {
			return AdminProblem.notFound("no such client");
		}
		if (ex instanceof ClientAccessDeniedException denied) {
			return AdminProblem.forbidden(denied.getMessage());
		}
		if (ex instanceof ClientHasNoSecretException noSecret) {
			return AdminProblem.conflict(noSecret.getMessage());
		}
		return ex;
	}

}
