package dev.writ.server.protocol;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;

/**
 * Responses that carry or describe credentials, which RFC 6749 §5.1 forbids caches to
 * keep.
 */
public final class NoStoreResponse {

	private NoStoreResponse() {
	}

	public static ServerResponse.BodyBuilder ok() {
		return ServerResponse.ok().cacheControl(CacheControl.noStore()).header(HttpHeaders.PRAGMA, "no-cache");
	}

	public static Mono<ServerResponse> json(Object body) {
		return ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
	}

}
