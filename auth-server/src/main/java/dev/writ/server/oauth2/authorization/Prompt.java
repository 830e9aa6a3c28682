package dev.writ.server.oauth2.authorization;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import dev.writ.server.protocol.OAuth2Exception;

import org.springframework.lang.Nullable;

/**
 * A value of the {@code prompt} parameter (OpenID Connect Core 1.0 §3.1.2.1).
 * {@code select_account} is accepted and has no effect: a browser session holds one
 * account, and signing in as another is {@code prompt=login}.
 */
public enum Prompt {

	NONE, LOGIN, CONSENT, SELECT_ACCOUNT;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Parses the space-delimited parameter; an unknown value, or {@code none} with any
	 * other, is {@code invalid_request}.
	 */
	static Set<Prompt> parse(@Nullable String parameter) {
		Set<Prompt> prompts = EnumSet.noneOf(Prompt.class);
		if (parameter == null || parameter.isEmpty()) {
			return prompts;
		}
		for (String value : parameter.split(" ")) {
			prompts.add(of(value));
		}
		if (prompts.contains(NONE) && prompts.size() > 1) {
			throw OAuth2Exception.invalidRequest("prompt=none cannot be combined with other values");
		}
		return prompts;
	}

	private static Prompt of(String value) {
		for (Prompt prompt : values()) {
			if (prompt.value().equals(value)) {
				return prompt;
			}
		}
		throw OAuth2Exception.invalidRequest("unsupported prompt value '" + value + "'");
	}

}
