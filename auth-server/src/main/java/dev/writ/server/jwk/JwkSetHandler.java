package dev.writ.server.jwk;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The JWK Set endpoint ({@code jwks_uri}, RFC 8414 §2): the public keys that verify
 * Writ's tokens, the upcoming and recently retired ones included, cacheable by anyone for
 * {@code writ.keys.jwks-max-age}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7517#section-5">RFC 7517 §5</a>
 */
public final class JwkSetHandler {

	/** Where the JWK Set is served; discovery metadata points here. */
	public static final String PATH = "/oauth2/jwks";

	/** RFC 7517 §8.5.1. */
	static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");

	private final SigningKeys keys;

	private final String cacheControl;

	JwkSetHandler(SigningKeys keys, SigningKeyProperties properties) {
		this.keys = keys;
		// publication-lead > max-age, so a client that respects this never misses a key
		// that signs
		this.cacheControl = "public, max-age=" + properties.jwksMaxAge().toSeconds();
	}

	Mono<ServerResponse> jwkSet(ServerRequest request) {
		return this.keys.publishedKeys()
			.flatMap((keys) -> ServerResponse.ok()
				.contentType(JWK_SET)
				.header(HttpHeaders.CACHE_CONTROL, this.cacheControl)
				// toString(true): public parameters only, whatever the JWK objects hold
				.bodyValue(keys.toString(true)));
	}

}
