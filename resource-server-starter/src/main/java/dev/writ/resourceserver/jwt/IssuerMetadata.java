package dev.writ.resourceserver.jwt;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The authorization server's metadata, fetched on first use rather than at start-up so
 * that a service can start before its authorization server. A successful answer is kept;
 * a failed one is retried by the next caller.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8414#section-3">RFC 8414 §3</a>
 */
public final class IssuerMetadata {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final Duration FOREVER = Duration.ofMillis(Long.MAX_VALUE);

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private final String issuer;

	private final WebClient webClient;

	private final Mono<Map<String, Object>> metadata;

	public IssuerMetadata(String issuer, WebClient webClient) {
		this.issuer = issuer;
		this.webClient = webClient;
		this.metadata = Mono.defer(this::fetch).cache((value) -> FOREVER, (ex) -> Duration.ZERO, () -> Duration.ZERO);
	}

	public String issuer() {
		return this.issuer;
	}

	/**
	 * The URI that the metadata gives for {@code name}, e.g. {@code jwks_uri} or
	 * {@code introspection_endpoint}.
	 */
	public Mono<String> endpoint(String name) {
		return this.metadata.flatMap((metadata) -> (metadata.get(name) instanceof String uri) ? Mono.just(uri)
				: Mono.error(new IllegalStateException("the metadata of " + this.issuer + " has no " + name)));
	}

	private Mono<Map<String, Object>> fetch() {
		// RFC 8414 §3.1 first; an OpenID provider that only serves the OIDC document is
		// read the same way.
		return get(authorizationServerMetadataUri()).onErrorResume((ex) -> get(openIdConfigurationUri()))
			.flatMap(this::checkIssuer);
	}

	private Mono<Map<String, Object>> get(URI uri) {
		return this.webClient.get().uri(uri).retrieve().bodyToMono(JSON_OBJECT).timeout(TIMEOUT);
	}

	// RFC 8414 §3.3: the metadata must name exactly the issuer it was fetched for, or it
	// is not to be used.
	private Mono<Map<String, Object>> checkIssuer(Map<String, Object> metadata) {
		if (!this.issuer.equals(metadata.get("issuer"))) {
			return Mono.error(new IllegalStateException(
					"the metadata fetched for " + this.issuer + " names the issuer " + metadata.get("issuer")));
		}
		return Mono.just(metadata);
	}

	URI authorizationServerMetadataUri() {
		URI issuer = URI.create(this.issuer);
		String path = (issuer.getPath() != null) ? issuer.getPath() : "";
		return UriComponentsBuilder.fromUri(issuer)
			.replacePath("/.well-known/oauth-authorization-server" + (path.equals("/") ? "" : path))
			.build(true)
			.toUri();
	}

	URI openIdConfigurationUri() {
		String base = this.issuer.endsWith("/") ? this.issuer.substring(0, this.issuer.length() - 1) : this.issuer;
		return URI.create(base + "/.well-known/openid-configuration");
	}

}
