package dev.writ.resourceserver.introspection;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Mono;

/**
 * Calls the auth-server's introspection endpoint (RFC 7662 §2.1) as a confidential
 * client, for every part of the starter that asks about a token.
 */
public final class IntrospectionClient {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private final Mono<String> endpoint;

	private final WebClient webClient;

	private final String authorization;

	/**
	 * @param endpoint the introspection endpoint's URL, resolved lazily (from the
	 * issuer's metadata, for one)
	 */
	public IntrospectionClient(Mono<String> endpoint, WebClient webClient, String clientId, String clientSecret) {
		this.endpoint = endpoint;
		this.webClient = webClient;
		this.authorization = basic(clientId, clientSecret);
	}

	// RFC 6749 §2.3.1: the id and secret are form-encoded before they are joined and
	// base64-encoded.
	private static String basic(String clientId, String clientSecret) {
		String credentials = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
				+ URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
		return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

	/** The endpoint's JSON answer for the form, within 5 s. */
	public Mono<Map<String, Object>> introspect(MultiValueMap<String, String> form) {
		return this.endpoint.flatMap((uri) -> this.webClient.post()
			.uri(uri)
			.header("Authorization", this.authorization)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.accept(MediaType.APPLICATION_JSON)
			.body(BodyInserters.fromFormData(form))
			.retrieve()
			.bodyToMono(JSON_OBJECT)
			.timeout(TIMEOUT));
	}

}
