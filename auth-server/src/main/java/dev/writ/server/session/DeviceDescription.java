package dev.writ.server.session;

import java.util.List;

import org.springframework.lang.Nullable;

/**
 * A short description of a browser from its {@code User-Agent} (RFC 9110 §10.1.5), such
 * as "Chrome on Linux", for a person to recognize their devices in the session list. It
 * is a hint, not an identification: user agents lie and freeze their strings, so nothing
 * but display depends on it.
 */
public final class DeviceDescription {

	/** What nothing recognizable is shown as. */
	public static final String UNKNOWN = "Unknown device";

	/**
	 * Browsers by a token of their own, in an order where each comes before the browsers
	 * whose tokens it also carries (Edge and Opera carry "Chrome", Chrome carries
	 * "Safari").
	 */
	private static final List<Match> BROWSERS = List.of(new Match("Edg/", "Edge"), new Match("EdgA/", "Edge"),
			new Match("EdgiOS/", "Edge"), new Match("OPR/", "Opera"), new Match("OPiOS/", "Opera"),
			new Match("SamsungBrowser/", "Samsung Internet"), new Match("FxiOS/", "Firefox"),
			new Match("Firefox/", "Firefox"), new Match("CriOS/", "Chrome"), new Match("Chromium/", "Chromium"),
			new Match("Chrome/", "Chrome"), new Match("Safari/", "Safari"));

	/** Systems, iOS devices and Android before the Linux and macOS they also name. */
	private static final List<Match> SYSTEMS = List.of(new Match("iPhone", "iPhone"), new Match("iPad", "iPad"),
			new Match("Android", "Android"), new Match("Windows", "Windows"), new Match("CrOS", "ChromeOS"),
			new Match("Macintosh", "macOS"), new Match("Linux", "Linux"));

	private DeviceDescription() {
	}

	/**
	 * "Browser on System", one of them alone when only one is known, or {@link #UNKNOWN}.
	 */
	public static String of(@Nullable String userAgent) {
		if (userAgent == null || !userAgent.startsWith("Mozilla/")) {
			// every browser since the 1990s starts so; anything else is a tool or a bot
			return UNKNOWN;
		}
		String browser = first(BROWSERS, userAgent);
		String system = first(SYSTEMS, userAgent);
		if (browser != null && system != null) {
			return browser + " on " + system;
		}
		if (browser != null) {
			return browser;
		}
		return (system != null) ? "Browser on " + system : UNKNOWN;
	}

	@Nullable
	private static String first(List<Match> matches, String userAgent) {
		for (Match match : matches) {
			if (userAgent.contains(match.token())) {
				return match.name();
			}
		}
		return null;
	}

	private record Match(String token, String name) {
	}

}
