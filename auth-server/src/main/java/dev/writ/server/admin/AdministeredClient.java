package dev.writ.server.admin;

import java.time.Instant;

/**
 * A registered client as its administrators see it: never its secret, which is stored
 * only hashed.
 *
 * @param clientId the client's id (RFC 6749 §2.2)
 * @param registration its settings
 * @param createdAt when it was registered ({@code client_id_issued_at}, RFC 7591 §3.2.1)
 * @param hasSecret whether it authenticates with a client secret
 */
public record AdministeredClient(String clientId, ClientRegistration registration, Instant createdAt,
		boolean hasSecret) {

}
