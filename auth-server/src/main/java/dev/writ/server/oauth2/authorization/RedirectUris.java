package dev.writ.server.oauth2.authorization;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Set;

import org.springframework.lang.Nullable;

/**
 * Whether a redirect URI in a request is one the client registered: compared as exact
 * strings (OAuth 2.1 §2.3.1, RFC 9700 §4.1.3), except that the port of a loopback IP
 * redirect URI may differ, because a native app listens on whatever port the operating
 * system gives it (RFC 8252 §7.3). {@code localhost} gets no such freedom (RFC 8252
 * §8.3).
 */
final class RedirectUris {

	private RedirectUris() {
	}

	static boolean isRegistered(String requested, Set<String> registered) {
		if (registered.contains(requested)) {
			return true;
		}
		URI uri = parse(requested);
		if (uri == null || !isLoopbackIp(uri)) {
			return false;
		}
		for (String candidate : registered) {
			URI registeredUri = parse(candidate);
			if (registeredUri != null && isLoopbackIp(registeredUri) && samePortAside(uri, registeredUri)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isLoopbackIp(URI uri) {
		return "http".equals(uri.getScheme()) && ("127.0.0.1".equals(uri.getHost()) || "[::1]".equals(uri.getHost()));
	}

	private static boolean samePortAside(URI a, URI b) {
		return a.getHost().equals(b.getHost()) && Objects.equals(a.getRawPath(), b.getRawPath())
				&& Objects.equals(a.getRawQuery(), b.getRawQuery()) && a.getRawFragment() == null
				&& a.getRawUserInfo() == null && b.getRawUserInfo() == null;
	}

	@Nullable
	private static URI parse(String value) {
		try {
			return new URI(value);
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
