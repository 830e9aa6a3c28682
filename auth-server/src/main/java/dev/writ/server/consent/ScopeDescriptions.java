package dev.writ.server.consent;

import java.util.Map;

/**
 * What each scope lets a client do, in words a user can judge on the consent page. A
 * scope without a description is shown by its name.
 */
public final class ScopeDescriptions {

	private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
			Map.entry("openid", "Know who you are (your account identifier)"), Map.entry("profile", "See your name"),
			Map.entry("email", "See your email address"),
			Map.entry("offline_access", "Stay signed in and act for you when you are away"),
			Map.entry("read:projects", "See your organization's projects"),
			Map.entry("write:projects", "Create and change your organization's projects"),
			Map.entry("read:deployments", "See your organization's deployments"),
			Map.entry("write:deployments", "Start deployments of your organization's projects"),
			Map.entry("manage:organization",
					"Administer your organization (members, invitations, settings) as far as your role allows"));

	private ScopeDescriptions() {
	}

	public static String describe(String scope) {
		return DESCRIPTIONS.getOrDefault(scope, "Use the permission \u201c" + scope + "\u201d");
	}

}
