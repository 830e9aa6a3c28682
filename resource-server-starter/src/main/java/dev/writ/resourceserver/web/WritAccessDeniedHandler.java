package dev.writ.resourceserver.web;

import dev.writ.resourceserver.OrganizationRequiredException;
import dev.writ.resourceserver.WritAuthorizationDecision;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers an authenticated request that its token does not allow: 403
 * {@code insufficient_scope}, naming the missing scope in the challenge when a
 * {@link dev.writ.resourceserver.WritAuthorization} rule denied it (RFC 6750 §3.1). A
 * missing organization role or permission is answered the same way, with its name in
 * {@code error_description} and no {@code scope} attribute: the token does not allow the
 * request, and no other scope would.
 */
public final class WritAccessDeniedHandler implements ServerAccessDeniedHandler {

	static final String DEFAULT_DESCRIPTION = "the access token does not allow this request";

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		WritAuthorizationDecision decision = decision(exchange, denied);
		String scope = (decision != null) ? decision.requiredScope() : null;
		String description = (decision != null) ? decision.description() : DEFAULT_DESCRIPTION;
		if (denied instanceof OrganizationRequiredException) {
			description = OrganizationRequiredException.DESCRIPTION;
		}
		return new BearerErrorResponse(HttpStatus.FORBIDDEN, OAuth2ErrorCodes.INSUFFICIENT_SCOPE, description, scope)
			.writeTo(exchange, true);
	}

	// Method security hands over the decision in the exception; URL rules leave it in the
	// exchange.
	private static @Nullable WritAuthorizationDecision decision(ServerWebExchange exchange,
			AccessDeniedException denied) {
		if (denied instanceof AuthorizationDeniedException authorization
				&& authorization.getAuthorizationResult() instanceof WritAuthorizationDecision decision) {
			return decision;
		}
		return exchange.getAttribute(WritAuthorizationDecision.EXCHANGE_ATTRIBUTE);
	}

}
