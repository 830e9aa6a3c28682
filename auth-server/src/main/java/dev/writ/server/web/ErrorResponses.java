package dev.writ.server.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import dev.writ.server.admin.AdminProblem;
import dev.writ.server.oauth2.authorization.AuthorizationEndpoint;
import dev.writ.server.oidc.UserInfoEndpoint;
import dev.writ.server.protocol.OAuth2Exception;
import io.lettuce.core.RedisException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.server.WebFilter;
import org.springframework.web.util.HtmlUtils;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place errors become responses: RFC 6749 §5.2 JSON with
 * {@code Cache-Control: no-store}, a small HTML page when a browser asks, or, for a
 * request the admin API's security chain marked ({@link #problemDetails()}), an RFC 9457
 * problem ({@code application/problem+json}). An unreachable store is 503
 * {@code temporarily_unavailable}; anything unexpected is 500 {@code server_error},
 * logged with the request id and never echoing the exception's text.
 */
@Component
@Order(-2) // before Spring Boot's own handler
final class ErrorResponses implements WebExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ErrorResponses.class);

	private static final List<Class<? extends Throwable>> UNAVAILABLE = List.of(
			DataAccessResourceFailureException.class, TransientDataAccessException.class, RedisSystemException.class,
			RedisException.class, R2dbcNonTransientResourceException.class, R2dbcTransientResourceException.class,
			TimeoutException.class, java.net.ConnectException.class);

	/** Paths whose callers are programs, not browsers. */
	private static final List<String> JSON_ONLY = List.of("/oauth2/", UserInfoEndpoint.PATH, "/.well-known/",
			"/actuator/");

	/** The exchange attribute that asks for problem details. */
	private static final String PROBLEM_DETAILS = ErrorResponses.class.getName() + ".problemDetails";

	private static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

	private final JsonMapper json;

	ErrorResponses(JsonMapper json) {
		this.json = json;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(failure);
		}
		if (Boolean.TRUE.equals(exchange.getAttribute(PROBLEM_DETAILS))) {
			return problem(exchange, failure);
		}
		OAuth2Exception error = toOAuth2(exchange, failure);
		response.setStatusCode(error.status());
		HttpHeaders headers = response.getHeaders();
		headers.setCacheControl(CacheControl.noStore());
		headers.set(HttpHeaders.PRAGMA, "no-cache");
		if (failure instanceof ResponseStatusException status) {
			headers.addAll(status.getHeaders());
		}
		if (error.wwwAuthenticate() != null) {
			headers.set(HttpHeaders.WWW_AUTHENTICATE, error.wwwAuthenticate());
		}
		if (error.retryAfter() != null) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, error.retryAfter().toSeconds())));
		}
		byte[] body;
		if (prefersHtml(exchange)) {
			headers.setContentType(MediaType.TEXT_HTML);
			body = page(error).getBytes(StandardCharsets.UTF_8);
		}
		else {
			headers.setContentType(MediaType.APPLICATION_JSON);
			Map<String, String> fields = new LinkedHashMap<>();
			fields.put("error", error.errorCode());
			fields.put("error_description", error.description());
			body = this.json.writeValueAsBytes(fields);
		}
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}

	/**
	 * A filter that marks every request it sees as one whose errors are problem details;
	 * the admin API's security chain runs it first.
	 */
	static WebFilter problemDetails() {
		return (exchange, chain) -> {
			exchange.getAttributes().put(PROBLEM_DETAILS, Boolean.TRUE);
			return chain.filter(exchange);
		};
	}

	/**
	 * RFC 9457 §3: {@code type}, {@code title}, {@code status}, {@code detail},
	 * {@code instance} (the request's path), and {@code errors} for a validation problem.
	 */
	private Mono<Void> problem(ServerWebExchange exchange, Throwable failure) {
		AdminProblem problem = toProblem(exchange, failure);
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(problem.status());
		HttpHeaders headers = response.getHeaders();
		headers.setCacheControl(CacheControl.noStore());
		headers.set(HttpHeaders.PRAGMA, "no-cache");
		if (failure instanceof ResponseStatusException status) {
			headers.addAll(status.getHeaders());
		}
		if (problem.wwwAuthenticate() != null) {
			headers.set(HttpHeaders.WWW_AUTHENTICATE, problem.wwwAuthenticate());
		}
		if (problem.retryAfter() != null) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, problem.retryAfter().toSeconds())));
		}
		headers.setContentType(PROBLEM_JSON);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.type());
		body.put("title", problem.title());
		body.put("status", problem.status().value());
		body.put("detail", problem.detail());
		body.put("instance", exchange.getRequest().getPath().pathWithinApplication().value());
		if (!problem.errors().isEmpty()) {
			List<Map<String, String>> errors = new ArrayList<>();
			for (AdminProblem.FieldError error : problem.errors()) {
				Map<String, String> entry = new LinkedHashMap<>();
				if (error.pointer() != null) {
					entry.put("pointer", error.pointer());
				}
				if (error.parameter() != null) {
					entry.put("parameter", error.parameter());
				}
				entry.put("detail", error.detail());
				errors.add(entry);
			}
			body.put("errors", errors);
		}
		DataBuffer buffer = response.bufferFactory().wrap(this.json.writeValueAsBytes(body));
		return response.writeWith(Mono.just(buffer));
	}

	private AdminProblem toProblem(ServerWebExchange exchange, Throwable failure) {
		if (failure instanceof AdminProblem problem) {
			return problem;
		}
		OAuth2Exception error = toOAuth2(exchange, failure);
		return AdminProblem.of(error.status(), error.description(), error.wwwAuthenticate(), error.retryAfter());
	}

	private OAuth2Exception toOAuth2(ServerWebExchange exchange, Throwable failure) {
		if (failure instanceof OAuth2Exception error) {
			return error;
		}
		if (failure instanceof DataBufferLimitException) {
			return OAuth2Exception.requestTooLarge("the request body is too large");
		}
		if (failure instanceof ResponseStatusException status) {
			return fromStatus(HttpStatus.resolve(status.getStatusCode().value()));
		}
		if (causedByUnavailableStore(failure)) {
			// the innermost cause tells a timeout from a refused connection or a full
			// pool
			Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
			logger.warn("A store is unreachable ({}: {}): answering 503 to request {}",
					cause.getClass().getSimpleName(), cause.getMessage(), exchange.getRequest().getId());
			return OAuth2Exception.temporarilyUnavailable("the service is temporarily unavailable, retry shortly");
		}
		String requestId = exchange.getRequest().getId();
		logger.error("Unexpected error in request {}", requestId, failure);
		return OAuth2Exception.serverError(requestId);
	}

	private static OAuth2Exception fromStatus(HttpStatus status) {
		if (status == HttpStatus.NOT_FOUND) {
			return OAuth2Exception.notFound();
		}
		if (status == HttpStatus.METHOD_NOT_ALLOWED) {
			return OAuth2Exception.methodNotAllowed("this endpoint does not accept that method");
		}
		if (status == HttpStatus.UNSUPPORTED_MEDIA_TYPE) {
			return OAuth2Exception.unsupportedMediaType("unsupported content type");
		}
		if (status == HttpStatus.CONTENT_TOO_LARGE) {
			return OAuth2Exception.requestTooLarge("the request body is too large");
		}
		return OAuth2Exception.invalidRequest("the request is malformed");
	}

	private static boolean causedByUnavailableStore(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			for (Class<? extends Throwable> type : UNAVAILABLE) {
				if (type.isInstance(cause)) {
					return true;
				}
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/**
	 * A browser navigating here gets a page; the protocol endpoints always answer JSON
	 * (RFC 6749 §5.2 leaves no choice), whatever the client's {@code Accept} says: the
	 * JDK's {@code HttpURLConnection}, under many client libraries, asks for text/html
	 * first by default.
	 */
	private static boolean prefersHtml(ServerWebExchange exchange) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		for (String prefix : JSON_ONLY) {
			if (path.startsWith(prefix) && !path.startsWith(AuthorizationEndpoint.PATH)) {
				return false;
			}
		}
		List<MediaType> accept = exchange.getRequest().getHeaders().getAccept();
		return !accept.isEmpty() && MediaType.TEXT_HTML.equalsTypeAndSubtype(accept.get(0));
	}

	private static String page(OAuth2Exception error) {
		return """
				<!doctype html>
				<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
				<title>%d · Writ</title></head>
				<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem">
				<h1>%s</h1><p>%s</p></body></html>
				""".formatted(error.status().value(), HtmlUtils.htmlEscape(error.status().getReasonPhrase()),
				HtmlUtils.htmlEscape(error.description()));
	}

}
