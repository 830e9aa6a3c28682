package dev.writ.resourceserver.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * The one place that writes an error of the resource server: the RFC 6750
 * {@code WWW-Authenticate} challenge and the same facts as a JSON body, never cached. The
 * description goes to the client, so callers pass text meant for it, never an exception's
 * internals.
 *
 * @param status the HTTP status
 * @param error the error code, e.g. {@code invalid_token}; {@code null} for a request
 * that had no token, whose challenge must carry no error (RFC 6750 §3.1)
 * @param description the {@code error_description}
 * @param scope the scope the request needs, for {@code insufficient_scope}
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6750#section-3">RFC 6750 §3</a>
 */
record BearerErrorResponse(HttpStatus status, @Nullable String error, String description, @Nullable String scope) {

	/**
	 * The body's error code when no token was presented; the challenge itself then names
	 * no error.
	 */
	static final String UNAUTHORIZED = "unauthorized";

	Mono<Void> writeTo(ServerWebExchange exchange, boolean challenge) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.empty();
		}
		response.setStatusCode(this.status);
		HttpHeaders headers = response.getHeaders();
		if (challenge) {
			headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge());
		}
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setCacheControl("no-store");
		headers.setPragma("no-cache");
		DataBuffer body = response.bufferFactory().wrap(body().getBytes(StandardCharsets.UTF_8));
		return response.writeWith(Mono.just(body));
	}

	String challenge() {
		if (this.error == null) {
			return "Bearer";
		}
		StringBuilder challenge = new StringBuilder("Bearer error=\"").append(this.error).append('"');
		challenge.append(", error_description=\"").append(quotable(this.description)).append('"');
		if (this.scope != null) {
			challenge.append(", scope=\"").append(quotable(this.scope)).append('"');
		}
		return challenge.toString();
	}

	String body() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", (this.error != null) ? this.error : UNAUTHORIZED);
		body.put("error_description", this.description);
		if (this.scope != null) {
			body.put("scope", this.scope);
		}
		return JSONObjectUtils.toJSONString(body);
	}

	// RFC 6750 §3: the attribute values may hold printable ASCII except '"' and '\'.
	private static String quotable(String value) {
		StringBuilder quotable = new StringBuilder(value.length());
		for (char c : value.toCharArray()) {
			quotable.append((c >= 0x20 && c <= 0x7E && c != '"' && c != '\\') ? c : '\'');
		}
		return quotable.toString();
	}

}
