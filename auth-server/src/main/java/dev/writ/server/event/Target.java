package dev.writ.server.event;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a {@link DomainEvent} happened to. The kind is open (a later feature adds its
 * own), but is one lower-case word or snake_case words, since the audit log's readers
 * filter on it; the kinds Writ uses are the constants here.
 *
 * @param kind what sort of thing it is, for example {@value #MEMBERSHIP}
 * @param id its id; a membership is named by its user's id, the organization being the
 * event's own
 */
public record Target(String kind, String id) {

	public static final String MEMBERSHIP = "membership";

	public static final String INVITATION = "invitation";

	public static final String API_TOKEN = "api_token";

	public static final String CLIENT = "client";

	public static final String USER = "user";

	public static final String ORGANIZATION = "organization";

	/**
	 * A role an organization defined, by its name (the organization being the event's
	 * own).
	 */
	public static final String ROLE = "role";

	/** A refresh-token family, by its id (never a token or a token's hash). */
	public static final String REFRESH_TOKEN_FAMILY = "refresh_token_family";

	private static final Pattern KIND = Pattern.compile("[a-z][a-z_]*");

	public Target {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(id, "id");
		if (!KIND.matcher(kind).matches()) {
			throw new IllegalArgumentException("target kind '" + kind + "' is not a lower-case word");
		}
	}

}
