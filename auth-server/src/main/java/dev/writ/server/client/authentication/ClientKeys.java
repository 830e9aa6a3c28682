package dev.writ.server.client.authentication;

import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.jwk.JWKSet;
import dev.writ.server.client.Client;
import dev.writ.server.protocol.OAuth2Exception;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Mono;

/**
 * The public keys a {@code private_key_jwt} client signs its assertions with: registered
 * inline ({@code jwks}) or fetched from its {@code jwks_uri} (RFC 7591 §2) and kept for a
 * few minutes, so that a client can rotate its keys without re-registering and a busy
 * client does not cost a fetch per request.
 */
@Component
final class ClientKeys {

	private static final Duration CACHE_TIME = Duration.ofMinutes(5);

	private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);

	private static final int MAX_JWKS_BYTES = 256 * 1024;

	private final WebClient webClient;

	private final Map<String, Mono<JWKSet>> fetched = new ConcurrentHashMap<>();

	ClientKeys(WebClient.Builder webClient) {
		this.webClient = webClient.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(MAX_JWKS_BYTES)).build();
	}

	Mono<JWKSet> keys(Client client) {
		if (client.jwks() != null) {
			return Mono.just(client.jwks());
		}
		String uri = client.registration().getClientSettings().getJwkSetUrl();
		if (uri == null) {
			return Mono.error(OAuth2Exception.invalidClient("the client has no registered keys"));
		}
		return this.fetched.computeIfAbsent(uri, this::fetch).onErrorResume((ex) -> {
			this.fetched.remove(uri);
			return Mono.error(OAuth2Exception.invalidClient("the client's jwks_uri could not be read"));
		});
	}

	private Mono<JWKSet> fetch(String uri) {
		return this.webClient.get()
			.uri(uri)
			.accept(MediaType.APPLICATION_JSON, MediaType.parseMediaType("application/jwk-set+json"))
			.retrieve()
			.bodyToMono(String.class)
			.timeout(FETCH_TIMEOUT)
			.map(ClientKeys::parse)
			.cacheInvalidateWhen((keys) -> Mono.delay(CACHE_TIME).then());
	}

	private static JWKSet parse(String json) {
		try {
			return JWKSet.parse(json);
		}
		catch (ParseException ex) {
			throw new IllegalArgumentException("not a JWK Set", ex);
		}
	}

}
