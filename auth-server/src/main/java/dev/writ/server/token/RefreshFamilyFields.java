package dev.writ.server.token;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.writ.server.org.OrganizationRole;
import dev.writ.server.protocol.Scope;

/**
 * The fields of a family's Redis hash, and their translation to and from a
 * {@link RefreshGrant}. Times the scripts compare are epoch milliseconds; the scripts
 * read only {@value #CLIENT}, {@value #CURRENT}, {@value #CURRENT_EXPIRY},
 * {@value #ABSOLUTE_EXPIRY}, {@value #IDLE_TIME_TO_LIVE} and {@value #USER}.
 */
final class RefreshFamilyFields {

	private static final String USER = "user";

	private static final String CLIENT = "client";

	/**
	 * The hash of the family's current token; every other token of the family is used.
	 */
	private static final String CURRENT = "current";

	/** When the current token expires: its idle expiry, capped by the absolute one. */
	private static final String CURRENT_EXPIRY = "current_exp";

	private static final String ABSOLUTE_EXPIRY = "absolute_exp";

	private static final String IDLE_TIME_TO_LIVE = "idle_ttl";

	private static final String SCOPE = "scope";

	private static final String SESSION = "sid";

	private static final String AUTH_TIME = "auth_time";

	/**
	 * One audience per line: neither a URI nor a client id (RFC 6749 §A.1, VSCHAR) can
	 * hold a line break.
	 */
	private static final String AUDIENCES = "aud";

	private static final String ORGANIZATION = "org";

	private static final String ROLE = "role";

	private static final String CREATED = "created";

	/** RFC 8176 method names, space separated (they hold no spaces). */
	private static final String AMR = "amr";

	private RefreshFamilyFields() {
	}

	/** The field-value pairs of a new family, in the order {@code HSET} takes them. */
	static List<String> of(RefreshGrant grant, RefreshTokenPolicy policy, String currentHash, Instant now) {
		Instant absoluteExpiry = now.plus(policy.absoluteTimeToLive());
		Instant currentExpiry = now.plus(policy.idleTimeToLive());
		List<String> fields = new ArrayList<>(List.of(USER, grant.userId(), CLIENT, grant.clientId(), SCOPE,
				grant.scope().toString(), AUTH_TIME, grant.authTime().toString(), AUDIENCES,
				String.join("\n", grant.audiences()), CREATED, millis(now), ABSOLUTE_EXPIRY, millis(absoluteExpiry),
				IDLE_TIME_TO_LIVE, Long.toString(policy.idleTimeToLive().toMillis()), CURRENT, currentHash,
				CURRENT_EXPIRY, millis(currentExpiry), AMR, String.join(" ", grant.amr())));
		if (grant.sessionId() != null) {
			fields.addAll(List.of(SESSION, grant.sessionId()));
		}
		if (grant.organization() != null) {
			fields.addAll(
					List.of(ORGANIZATION, grant.organization().organizationId(), ROLE, grant.organization().role()));
		}
		return fields;
	}

	/** Reads the field-value pairs {@code HGETALL} returned, from {@code offset} on. */
	static Map<String, String> read(List<?> reply, int offset) {
		Map<String, String> fields = new HashMap<>();
		for (int i = offset; i + 1 < reply.size(); i += 2) {
			fields.put((String) reply.get(i), (String) reply.get(i + 1));
		}
		return fields;
	}

	static RefreshGrant grant(Map<String, String> fields) {
		String audiences = fields.get(AUDIENCES);
		String organization = fields.get(ORGANIZATION);
		return new RefreshGrant(fields.get(USER), fields.get(CLIENT), Scope.parse(fields.get(SCOPE)),
				fields.get(SESSION), Instant.parse(fields.get(AUTH_TIME)),
				(audiences == null || audiences.isEmpty()) ? List.of() : Arrays.asList(audiences.split("\n")),
				(organization != null) ? new OrganizationRole(organization, fields.get(ROLE)) : null,
				(fields.get(AMR) == null || fields.get(AMR).isEmpty()) ? List.of()
						: Arrays.asList(fields.get(AMR).split(" ")));
	}

	static Instant currentExpiry(Map<String, String> fields) {
		return Instant.ofEpochMilli(Long.parseLong(fields.get(CURRENT_EXPIRY)));
	}

	static String millis(Instant instant) {
		return Long.toString(instant.toEpochMilli());
	}

}
