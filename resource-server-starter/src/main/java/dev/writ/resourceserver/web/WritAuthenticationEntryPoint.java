package dev.writ.resourceserver.web;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers a request that is not authenticated:
 * <ul>
 * <li>no token: 401 with a bare {@code WWW-Authenticate: Bearer} (RFC 6750 §3.1);
 * <li>a token that failed validation or is revoked: 401 {@code invalid_token} with the
 * reason;
 * <li>a malformed bearer token: 401 {@code invalid_token} (Spring Security's reading of
 * RFC 6750);
 * <li>a token that could not be checked because the issuer's keys cannot be fetched: 503,
 * the one case where the fault is not the client's.
 * </ul>
 */
public final class WritAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

	private static final Log logger = LogFactory.getLog(WritAuthenticationEntryPoint.class);

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		if (ex instanceof OAuth2AuthenticationException oauth2) {
			return describe(oauth2.getError(), oauth2.getMessage()).writeTo(exchange, true);
		}
		if (ex instanceof AuthenticationServiceException) {
			logger.warn("Could not verify a bearer token: " + ex.getMessage());
			exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
			return new BearerErrorResponse(HttpStatus.SERVICE_UNAVAILABLE, "temporarily_unavailable",
					"the token cannot be verified right now", null)
				.writeTo(exchange, false);
		}
		return new BearerErrorResponse(HttpStatus.UNAUTHORIZED, null, "a bearer access token is required", null)
			.writeTo(exchange, true);
	}

	private static BearerErrorResponse describe(OAuth2Error error, String message) {
		HttpStatus status = (error instanceof BearerTokenError bearer) ? bearer.getHttpStatus()
				: HttpStatus.UNAUTHORIZED;
		String description = (error.getDescription() != null) ? error.getDescription() : message;
		return new BearerErrorResponse(status, error.getErrorCode(), (description != null) ? description : "", null);
	}

}
