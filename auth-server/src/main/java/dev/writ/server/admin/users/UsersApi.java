package dev.writ.server.admin.users;

import dev.writ.server.admin.AdminApi;
import dev.writ.server.admin.AdminAuthorization;
import dev.writ.server.admin.AdminProblem;
import dev.writ.server.admin.AdminScopes;
import dev.writ.server.admin.UserAdministration;
import dev.writ.server.admin.UserNotFoundException;
import dev.writ.server.protocol.NoStoreResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;

/**
 * {@code /admin/api/users/{userId}}: read a user, disable them (which ends their browser
 * sessions, refresh-token families and live access tokens at once, and makes their
 * personal API tokens inactive), enable them again. For platform operators
 * ({@value AdminScopes#ADMIN_USERS}) only: an account is not any one organization's.
 * Disabling and enabling answer the account as it now is, and doing either twice is
 * harmless.
 */
@Component
final class UsersApi {

	static final String ONE = AdminApi.PATH + "/users/{userId}";

	static final String DISABLE = ONE + "/disable";

	static final String ENABLE = ONE + "/enable";

	private final AdminAuthorization authorization;

	private final UserAdministration administration;

	UsersApi(AdminAuthorization authorization, UserAdministration administration) {
		this.authorization = authorization;
		this.administration = administration;
	}

	/** {@code GET}. */
	Mono<ServerResponse> get(ServerRequest request) {
		return this.authorization.platform(request, AdminScopes.ADMIN_USERS)
			.flatMap((caller) -> this.administration.find(userId(request)))
			.onErrorMap(UserNotFoundException.class, (ex) -> AdminProblem.notFound("no such user"))
			.map(UserJson::of)
			.flatMap(NoStoreResponse::json);
	}

	/** {@code POST disable}. */
	Mono<ServerResponse> disable(ServerRequest request) {
		return this.authorization.platform(request, AdminScopes.ADMIN_USERS)
			.flatMap((caller) -> this.administration.disable(caller.actor(), userId(request)))
			.onErrorMap(UserNotFoundException.class, (ex) -> AdminProblem.notFound("no such user"))
			.map(UserJson::of)
			.flatMap(NoStoreResponse::json);
	}

	/** {@code POST enable}. */
	Mono<ServerResponse> enable(ServerRequest request) {
		return this.authorization.platform(request, AdminScopes.ADMIN_USERS)
			.flatMap((caller) -> this.administration.enable(caller.actor(), userId(request)))
			.onErrorMap(UserNotFoundException.class, (ex) -> AdminProblem.notFound("no such user"))
			.map(UserJson::of)
			.flatMap(NoStoreResponse::json);
	}

	private static String userId(ServerRequest request) {
		return request.pathVariable("userId");
	}

}
