package dev.writ.server.event;

import java.util.Objects;
import java.util.Set;

/**
 * Who caused a {@link DomainEvent}: a signed-in user, a client acting for itself (with a
 * client_credentials token or while presenting a refresh token), or the server itself
 * (key rotation, clean-up), which has a name instead of an id.
 *
 * @param kind {@value #USER}, {@value #CLIENT} or {@value #SYSTEM}
 * @param id the user id, the client id, or the name of the server's task
 */
public record Actor(String kind, String id) {

	public static final String USER = "user";

	public static final String CLIENT = "client";

	public static final String SYSTEM = "system";

	private static final Set<String> KINDS = Set.of(USER, CLIENT, SYSTEM);

	public Actor {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(id, "id");
		if (!KINDS.contains(kind)) {
			throw new IllegalArgumentException("unknown actor kind '" + kind + "'");
		}
	}

	public static Actor user(String userId) {
		return new Actor(USER, userId);
	}

	public static Actor client(String clientId) {
		return new Actor(CLIENT, clientId);
	}

	public static Actor system(String task) {
		return new Actor(SYSTEM, task);
	}

}
