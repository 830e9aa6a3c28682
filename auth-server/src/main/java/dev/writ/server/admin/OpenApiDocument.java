package dev.writ.server.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;

/**
 * Serves the admin API's OpenAPI 3.1 description, a hand-written document kept next to
 * the code ({@value #RESOURCE}) and read once at start-up, verbatim: what it says is what
 * a test has checked against the routes.
 */
@Component
final class OpenApiDocument {

	static final String RESOURCE = "admin-api/openapi.json";

	private final byte[] document;

	OpenApiDocument() {
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
			this.document = in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the admin API's OpenAPI document " + RESOURCE + " is missing", ex);
		}
	}

	Mono<ServerResponse> handle(ServerRequest request) {
		return ServerResponse.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.cacheControl(CacheControl.noCache())
			.bodyValue(this.document);
	}

}
