package dev.writ.server.admin;

import java.util.List;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.writ.server.WritProperties;
import dev.writ.server.account.Users;
import dev.writ.server.apitoken.ApiTokens;
import dev.writ.server.protocol.BearerCredentials;
import dev.writ.server.protocol.Scope;
import dev.writ.server.token.AccessTokenVerifier;
import dev.writ.server.token.RevocationList;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;

import reactor.core.publisher.Mono;

/**
 * Authenticates an admin API request by its bearer access token (RFC 6750 §2.1, the
 * {@code Authorization} header only: a token in a query string ends up in logs, and the
 * admin API takes no forms). The token must be one of this server's access tokens,
 * current and not revoked, exactly as the UserInfo endpoint checks it; ID tokens fail the
 * verifier's {@code typ} check, and API tokens ({@code writ_pat_}) are for resource
 * servers, not for administration. A user's token also stops working here the moment the
 * user is disabled.
 */
@Component
public final class AdminAuthentication {

	private static final String CALLER = AdminCaller.class.getName();

	private final AccessTokenVerifier verifier;

	private final RevocationList revocationList;

	private final Users users;

	private final String audience;

	AdminAuthentication(AccessTokenVerifier verifier, RevocationList revocationList, Users users,
			AdminApiProperties properties, WritProperties writ) {
		this.verifier = verifier;
		this.revocationList = revocationList;
		this.users = users;
		this.audience = properties.audience(writ);
	}

	/**
	 * The caller of {@code request}; an {@link AdminProblem} (401, or 400 for several
	 * {@code Authorization} headers) when there is none. Remembered for the request.
	 */
	public Mono<AdminCaller> authenticate(ServerRequest request) {
		return Mono.defer(() -> {
			AdminCaller known = (AdminCaller) request.attribute(CALLER).orElse(null);
			if (known != null) {
				return Mono.just(known);
			}
			return caller(token(request.headers().header(HttpHeaders.AUTHORIZATION)))
				.doOnNext((caller) -> request.attributes().put(CALLER, caller));
		});
	}

	private static String token(List<String> authorization) {
		if (authorization.size() > 1) {
			throw AdminProblem.invalidAuthorizationRequest("send one Authorization header");
		}
		String token = authorization.isEmpty() ? null : BearerCredentials.token(authorization.get(0));
		// RFC 6750 §3: a request with another scheme lacks the credentials asked for
		if (token == null) {
			throw AdminProblem.unauthorized("a bearer access token is required", false);
		}
		return token;
	}

	private Mono<AdminCaller> caller(String token) {
		if (ApiTokens.isApiToken(token)) {
			return Mono.error(AdminProblem.unauthorized("API tokens are not accepted by the admin API", true));
		}
		return this.verifier.verify(token)
			.flatMap((claims) -> forThisApi(claims) ? Mono.just(claims)
					: Mono.error(() -> AdminProblem.unauthorized(
							"the access token is not for the admin API (its aud does not name " + this.audience + ")",
							true)))
			.filterWhen((claims) -> this.revocationList.isRevoked(claims.getJWTID()).map((revoked) -> !revoked))
			.map(AdminAuthentication::caller)
			.filterWhen(this::active)
			.switchIfEmpty(Mono.error(() -> AdminProblem.unauthorized("the access token is not valid", true)));
	}

	/**
	 * RFC 9068 §4: a resource server must reject a token whose {@code aud} does not name
	 * it, or a token sent to another API could be replayed here by that API.
	 */
	private boolean forThisApi(JWTClaimsSet claims) {
		return claims.getAudience().contains(this.audience);
	}

	private static AdminCaller caller(JWTClaimsSet claims) {
		String subject = claims.getSubject();
		String clientId = (String) claims.getClaim("client_id");
		Object scope = claims.getClaim("scope");
		Object organization = claims.getClaim("org");
		return new AdminCaller(subject, clientId, Scope.parse((scope instanceof String text) ? text : null),
				(organization instanceof String org) ? org : null, !subject.equals(clientId));
	}

	/** A user's token works only while the user exists and is not disabled. */
	private Mono<Boolean> active(AdminCaller caller) {
		if (!caller.user()) {
			return Mono.just(true);
		}
		return this.users.findById(caller.subject()).map((user) -> !user.disabled()).defaultIfEmpty(false);
	}

}
