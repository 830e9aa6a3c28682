package dev.writ.server.protocol;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.lang.Nullable;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;

import reactor.core.publisher.Mono;

/**
 * The parameters of a protocol request sent as {@code application/x-www-form-urlencoded}
 * (RFC 6749 §3.2, RFC 7009 §2.1, RFC 7662 §2.1), read with a size limit and with the rule
 * that a parameter appears at most once.
 */
public final class FormParameters {

	/**
	 * Larger than any legitimate request: a private_key_jwt assertion plus parameters
	 * fits in a few kilobytes.
	 */
	public static final int MAX_BYTES = 64 * 1024;

	/** RFC 8707 §2: {@code resource} is the one parameter that may be repeated. */
	private static final Set<String> REPEATABLE = Set.of("resource");

	private final MultiValueMap<String, String> values;

	private FormParameters(MultiValueMap<String, String> values) {
		this.values = values;
	}

	/**
	 * Reads the body of {@code request}; fails with an RFC 6749 error for a wrong content
	 * type or a large body.
	 */
	public static Mono<FormParameters> read(ServerRequest request) {
		MediaType contentType = request.headers().contentType().orElse(null);
		if (contentType == null || !MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(contentType)) {
			return Mono.error(
					OAuth2Exception.unsupportedMediaType("the request body must be application/x-www-form-urlencoded"));
		}
		if (contentType.getCharset() != null && !StandardCharsets.UTF_8.equals(contentType.getCharset())) {
			return Mono.error(OAuth2Exception.invalidRequest("the request body must be encoded in UTF-8"));
		}
		if (request.headers().contentLength().orElse(0) > MAX_BYTES) {
			return Mono.error(tooLarge());
		}
		return DataBufferUtils.join(request.bodyToFlux(org.springframework.core.io.buffer.DataBuffer.class), MAX_BYTES)
			.map((buffer) -> {
				try {
					return buffer.toString(StandardCharsets.UTF_8);
				}
				finally {
					DataBufferUtils.release(buffer);
				}
			})
			.defaultIfEmpty("")
			.onErrorMap(DataBufferLimitException.class, (ex) -> tooLarge())
			.map(FormParameters::parse);
	}

	private static OAuth2Exception tooLarge() {
		return OAuth2Exception.requestTooLarge("the request body exceeds " + MAX_BYTES + " bytes");
	}

	/**
	 * Parses an HTML form encoding; a repeated parameter is refused as RFC 6749 §3.2
	 * requires.
	 */
	public static FormParameters parse(String body) {
		MultiValueMap<String, String> values = decodeAll(body);
		values.forEach((name, all) -> {
			if (all.size() > 1 && !REPEATABLE.contains(name)) {
				throw OAuth2Exception.invalidRequest("parameter '" + name + "' is repeated");
			}
		});
		return new FormParameters(values);
	}

	/**
	 * Decodes an HTML form encoding (or a URL query, which uses the same one) keeping
	 * repeated parameters, for a caller that must decide itself how to answer them.
	 */
	public static MultiValueMap<String, String> decodeAll(@Nullable String encoded) {
		MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		if (encoded == null) {
			return values;
		}
		for (String pair : encoded.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = decode(equals < 0 ? pair : pair.substring(0, equals));
			String value = (equals < 0) ? "" : decode(pair.substring(equals + 1));
			values.add(name, value);
		}
		return values;
	}

	private static String decode(String encoded) {
		try {
			return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw OAuth2Exception.invalidRequest("the request body is not a valid form encoding");
		}
	}

	/** The value of {@code name}; an empty value counts as absent (RFC 6749 §3.1). */
	@Nullable
	public String get(String name) {
		String value = this.values.getFirst(name);
		return (value == null || value.isEmpty()) ? null : value;
	}

	/** The value of {@code name}, which the request must carry. */
	public String require(String name) {
		String value = get(name);
		if (value == null) {
			throw OAuth2Exception.invalidRequest("parameter '" + name + "' is missing");
		}
		return value;
	}

	public List<String> all(String name) {
		List<String> all = this.values.get(name);
		return (all != null) ? Collections.unmodifiableList(all) : List.of();
	}

	public boolean contains(String name) {
		return get(name) != null;
	}

}
