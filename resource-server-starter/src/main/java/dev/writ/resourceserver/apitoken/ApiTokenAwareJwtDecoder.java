package dev.writ.resourceserver.apitoken;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The one validation path for bearer tokens: an API token ({@code writ_pat_...}) goes to
 * the API-token decoder, anything else to the access-token decoder, and both come out as
 * a {@link Jwt} for the same authentication converter. A service that has no
 * introspection credentials refuses API tokens with a description that says so.
 */
public final class ApiTokenAwareJwtDecoder implements ReactiveJwtDecoder {

	static final String NOT_ACCEPTED = "API tokens are not accepted by this service";

	private final ReactiveJwtDecoder accessTokens;

	private final @Nullable ReactiveJwtDecoder apiTokens;

	/**
	 * @param accessTokens decodes signed access tokens
	 * @param apiTokens decodes API tokens, or {@code null} to refuse them
	 */
	public ApiTokenAwareJwtDecoder(ReactiveJwtDecoder accessTokens, @Nullable ReactiveJwtDecoder apiTokens) {
		this.accessTokens = accessTokens;
		this.apiTokens = apiTokens;
	}

	@Override
	public Mono<Jwt> decode(String token) {
		if (!ApiTokenIntrospector.isApiToken(token)) {
			return this.accessTokens.decode(token);
		}
		ReactiveJwtDecoder apiTokens = this.apiTokens;
		return (apiTokens != null) ? apiTokens.decode(token) : Mono.error(new BadJwtException(NOT_ACCEPTED));
	}

}
