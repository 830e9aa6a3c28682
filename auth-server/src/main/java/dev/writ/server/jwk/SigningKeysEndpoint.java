package dev.writ.server.jwk;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code signingkeys} actuator endpoint, on the management port: {@code GET} lists
 * the published keys with their states and dates, {@code POST} rotates
 * ({@code {"immediate": true}} for a key that signs at once). It shows metadata only,
 * never key material.
 */
@Endpoint(id = "signingkeys")
public final class SigningKeysEndpoint {

	private final SigningKeys keys;

	SigningKeysEndpoint(SigningKeys keys) {
		this.keys = keys;
	}

	/** The keys of the JWKS, as this node sees them after reloading. */
	@ReadOperation
	public Mono<List<KeyDescription>> keys() {
		return this.keys.refresh()
			.then(Mono.fromSupplier(
					() -> this.keys.timeline().published().stream().map(SigningKeysEndpoint::describe).toList()));
	}

	/** Rotates the signing key; see {@link SigningKeys#rotate(boolean)}. */
	@WriteOperation
	public Mono<KeyDescription> rotate(@Nullable Boolean immediate) {
		return this.keys.rotate(Boolean.TRUE.equals(immediate))
			.mapNotNull((created) -> this.keys.timeline()
				.entries()
				.stream()
				.filter((entry) -> entry.key().kid().equals(created.kid()))
				.findFirst()
				.map(SigningKeysEndpoint::describe)
				.orElse(null));
	}

	private static KeyDescription describe(KeyTimeline.Entry entry) {
		StoredSigningKey key = entry.key();
		return new KeyDescription(key.kid(), key.algorithm().jwsAlgorithm().getName(),
				entry.state().name().toLowerCase(Locale.ROOT), key.createdAt(), key.activatesAt(),
				entry.publishedUntil());
	}

	/**
	 * What the endpoint tells about a key.
	 *
	 * @param kid the key ID
	 * @param alg the JWS algorithm
	 * @param state {@code upcoming}, {@code active} or {@code retired}
	 * @param created when it was created
	 * @param activates when it starts (or started) to sign
	 * @param publishedUntil when a retired key leaves the JWKS; {@code null} while the
	 * key is upcoming or active
	 */
	public record KeyDescription(String kid, String alg, String state, Instant created, Instant activates,
			@Nullable Instant publishedUntil) {

	}

}
