package dev.writ.server.admin.organization;

import java.time.Clock;
import java.util.Map;

import dev.writ.server.admin.AdminAuthorization;
import dev.writ.server.admin.AdminEvents;
import dev.writ.server.admin.AdminProblem;
import dev.writ.server.admin.Page;
import dev.writ.server.admin.JsonBody;
import dev.writ.server.admin.OrganizationAccess;
import dev.writ.server.apitoken.ApiToken;
import dev.writ.server.apitoken.ApiTokenRefusedException;
import dev.writ.server.apitoken.ApiTokens;
import dev.writ.server.apitoken.CreatedApiToken;
import dev.writ.server.event.DomainEventTypes;
import dev.writ.server.event.Target;
import dev.writ.server.org.Permissions;
import dev.writ.server.protocol.NoStoreResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;

/**
 * {@code /admin/api/organizations/{org}/api-tokens}: any member lists, creates and
 * revokes their own personal tokens; {@value Permissions#API_TOKENS_MANAGE} sees and
 * revokes every token of the organization and creates organization-owned ones. Tokens are
 * created by members (the service checks the creator's role against the scopes), so the
 * platform lists and revokes but does not create. Another member's token is 404 to a
 * caller who may not see it.
 */
@Component
final class ApiTokensApi {

	static final String PATH = OrganizationsApi.ONE + "/api-tokens";

	static final String ONE = PATH + "/{id}";

	private final AdminAuthorization authorization;

	private final ApiTokens apiTokens;

	private final AdminEvents events;

	private final TransactionalOperator transaction;

	private final Clock clock;

	ApiTokensApi(AdminAuthorization authorization, ApiTokens apiTokens, AdminEvents events,
			ReactiveTransactionManager transactions, Clock clock) {
		this.authorization = authorization;
		this.apiTokens = apiTokens;
		this.events = events;
		this.transaction = TransactionalOperator.create(transactions);
		this.clock = clock;
	}

	/**
	 * {@code GET}: the tokens the caller may see, oldest first, revoked and expired too.
	 */
	Mono<ServerResponse> list(ServerRequest request) {
		return this.authorization.inOrganization(request, request.pathVariable("org"))
			.flatMap((access) -> this.apiTokens.list(access.organizationId())
				.filter((token) -> visible(access, token))
				.map((token) -> ApiTokenJson.of(token, this.clock.instant()))
				.collectList())
			.map(Page::of)
			.flatMap(NoStoreResponse::json);
	}

	/** {@code POST}: 201 with the secret, which no later answer repeats. */
	Mono<ServerResponse> create(ServerRequest request) {
		return this.authorization.inOrganization(request, request.pathVariable("org"))
			.flatMap((access) -> JsonBody.read(request)
				.map(CreateApiTokenRequest::parse)
				.flatMap((create) -> create(access, create)))
			.flatMap((created) -> ServerResponse.status(201)
				.cacheControl(CacheControl.noStore())
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(CreatedApiTokenJson.of(created)));
	}

	private Mono<CreatedApiToken> create(OrganizationAccess access, CreateApiTokenRequest create) {
		if (access.platform()) {
			return Mono.error(AdminProblem.forbidden("API tokens are created by members of the organization"));
		}
		if (create.organizationOwned() && !access.has(Permissions.API_TOKENS_MANAGE)) {
			return Mono.error(AdminProblem
				.forbidden("an organization-owned token needs the permission '" + Permissions.API_TOKENS_MANAGE + "'"));
		}
		String creator = access.caller().userId();
		Mono<java.time.Duration> lifetime = (create.lifetime() != null) ? Mono.just(create.lifetime())
				: this.apiTokens.maxLifetime(access.organizationId());
		return lifetime
			.flatMap((duration) -> this.apiTokens.create(access.organizationId(),
					create.organizationOwned() ? null : creator, creator, create.name(), create.scope(), duration))
			.flatMap((created) -> this.events.publish(access.caller(), DomainEventTypes.API_TOKEN_CREATED,
					access.organizationId(), new Target(Target.API_TOKEN, created.token().id()),
					Map.of("name", created.token().name(), "scope", created.token().scope().toString(), "expires_at",
							created.token().expiresAt().toString()))
				.thenReturn(created))
			.as(this.transaction::transactional)
			.onErrorMap(ApiTokenRefusedException.class, (ex) -> AdminProblem.forbidden(ex.getMessage()));
	}

	/** {@code DELETE {id}}: 204; resource servers learn of it at once. */
	Mono<ServerResponse> revoke(ServerRequest request) {
		String id = request.pathVariable("id");
		return this.authorization.inOrganization(request, request.pathVariable("org"))
			.flatMap((access) -> this.apiTokens.list(access.organizationId())
				.filter((token) -> token.id().equals(id) && visible(access, token))
				.next()
				.switchIfEmpty(Mono.error(() -> AdminProblem.notFound("no such API token")))
				// the record first: if it fails, the token stays as it was, rather than
				// revoked with no record of who did it
				.flatMap((token) -> this.events
					.publish(access.caller(), DomainEventTypes.API_TOKEN_REVOKED, access.organizationId(),
							new Target(Target.API_TOKEN, token.id()), Map.of())
					.then(this.apiTokens.revoke(access.organizationId(), token.id())))
				.as(this.transaction::transactional))
			.then(ServerResponse.noContent().build());
	}

	/** A member sees their own personal tokens; a token manager and the platform all. */
	private static boolean visible(OrganizationAccess access, ApiToken token) {
		return access.has(Permissions.API_TOKENS_MANAGE)
				|| (token.ownerUserId() != null && access.isCaller(token.ownerUserId()));
	}

}
