package dev.writ.server.admin;

import java.net.URI;
import java.net.URISyntaxException;

import org.jspecify.annotations.Nullable;

/**
 * What is wrong with a URI a client registers, or {@code null} when nothing is: the URI
 * rules of {@link ClientRegistrationValidator}.
 */
final class ClientUris {

	/** The longest URL every browser and proxy handles. */
	static final int MAX_URI_LENGTH = 2000;

	private ClientUris() {
	}

	/**
	 * RFC 6749 §3.1.2: absolute, without a fragment; RFC 9700 §2.6 and RFC 8252 §7.3:
	 * https, or http to a loopback IP literal for a native app.
	 */
	static @Nullable String redirectUriProblem(String value) {
		URI uri = absolute(value);
		if (uri == null) {
			return "must be an absolute URI of at most " + MAX_URI_LENGTH + " characters (RFC 6749 §3.1.2)";
		}
		if (uri.getRawFragment() != null) {
			return "must not have a fragment (RFC 6749 §3.1.2)";
		}
		boolean loopback = "http".equals(uri.getScheme())
				&& ("127.0.0.1".equals(uri.getHost()) || "[::1]".equals(uri.getHost()));
		if (!loopback && !"https".equals(uri.getScheme())) {
			return "must use https, or http to the loopback address 127.0.0.1 or [::1] (RFC 8252 §7.3)";
		}
		if (uri.getHost() == null) {
			return "must name a host";
		}
		return null;
	}

	/** RFC 8707 §2: an absolute URI without a fragment. */
	static @Nullable String audienceProblem(String value) {
		URI uri = absolute(value);
		if (uri == null) {
			return "must be an absolute URI of at most " + MAX_URI_LENGTH + " characters (RFC 8707 §2)";
		}
		return (uri.getRawFragment() != null) ? "must not have a fragment (RFC 8707 §2)" : null;
	}

	static @Nullable String httpsUriProblem(String value) {
		URI uri = absolute(value);
		if (uri == null || !"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getRawFragment() != null) {
			return "must be an https URI with a host and no fragment";
		}
		return null;
	}

	private static @Nullable URI absolute(String value) {
		if (value.length() > MAX_URI_LENGTH) {
			return null;
		}
		try {
			URI uri = new URI(value);
			return uri.isAbsolute() ? uri : null;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
