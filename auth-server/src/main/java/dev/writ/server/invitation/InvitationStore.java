package dev.writ.server.invitation;

import java.time.Duration;
import java.time.OffsetDateTime;

import dev.writ.server.org.OrganizationRole;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Invitations in the {@code invitations} table, found by the hash of their token. Every
 * time is the database's ({@code now()}), so nodes whose clocks disagree never disagree
 * about whether an invitation has expired.
 */
@Component
final class InvitationStore {

	private static final String COLUMNS = "i.id, i.organization_id, o.name AS organization_name, i.email, i.role,"
			+ " i.invited_by, i.created_at, i.expires_at";

	// Inserting from a SELECT on organizations makes an unknown organization insert no
	// row, which is told apart from an unknown inviter (a foreign-key violation).
	private static final String INSERT = """
			WITH i AS (
			  INSERT INTO invitations (id, organization_id, email, role, token_hash, invited_by, expires_at)
			  SELECT :id, id, :email, :role, :tokenHash, :invitedBy, now() + :ttlMillis * interval '1 millisecond'
			  FROM organizations WHERE id = :organizationId
			  RETURNING *)
			SELECT %s FROM i JOIN organizations o ON o.id = i.organization_id""".formatted(COLUMNS);

	private static final String SELECT_BY_TOKEN_HASH = """
			SELECT %s, i.accepted_at IS NOT NULL AS accepted, i.expires_at <= now() AS expired
			FROM invitations i JOIN organizations o ON o.id = i.organization_id
			WHERE i.token_hash = :tokenHash""".formatted(COLUMNS);

	// One statement checks and uses the invitation: of two concurrent acceptances, the
	// second waits for the first's row lock, then finds accepted_at set and changes
	// nothing.
	private static final String CLAIM = """
			UPDATE invitations SET accepted_at = now(), accepted_by = :userId
			WHERE token_hash = :tokenHash AND accepted_at IS NULL AND expires_at > now()
			  AND lower(email) = lower(:email)
			RETURNING organization_id, role""";

	private static final String DELETE = "DELETE FROM invitations WHERE id = :id";

	private static final String SELECT_PENDING = """
			SELECT %s FROM invitations i JOIN organizations o ON o.id = i.organization_id
			WHERE i.organization_id = :organizationId AND i.accepted_at IS NULL AND i.expires_at > now()
			ORDER BY i.created_at, i.id""".formatted(COLUMNS);

	private static final String DELETE_PENDING = """
			DELETE FROM invitations
			WHERE organization_id = :organizationId AND id = :id AND accepted_at IS NULL AND expires_at > now()""";

	private final DatabaseClient database;

	InvitationStore(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Stores a new invitation, expiring {@code timeToLive} from now; empty when the
	 * organization does not exist.
	 */
	Mono<Invitation> insert(String id, String organizationId, String email, String role, @Nullable String invitedBy,
			String tokenHash, Duration timeToLive) {
		DatabaseClient.GenericExecuteSpec insert = this.database.sql(INSERT)
			.bind("id", id)
			.bind("organizationId", organizationId)
			.bind("email", email)
			.bind("role", role)
			.bind("tokenHash", tokenHash)
			.bind("ttlMillis", timeToLive.toMillis());
		insert = (invitedBy != null) ? insert.bind("invitedBy", invitedBy) : insert.bindNull("invitedBy", String.class);
		return insert.map(InvitationStore::toInvitation).one();
	}

	/** The invitation with this token hash, used or not, expired or not; or empty. */
	Mono<Stored> findByTokenHash(String tokenHash) {
		return this.database.sql(SELECT_BY_TOKEN_HASH)
			.bind("tokenHash", tokenHash)
			.map((row) -> new Stored(toInvitation(row), Boolean.TRUE.equals(row.get("accepted", Boolean.class)),
					Boolean.TRUE.equals(row.get("expired", Boolean.class))))
			.one();
	}

	/**
	 * Marks the invitation accepted by the user, if it is unused, unexpired and for
	 * {@code email}; answers the membership it grants, or empty when it is none of those.
	 */
	Mono<OrganizationRole> claim(String tokenHash, String userId, String email) {
		return this.database.sql(CLAIM)
			.bind("tokenHash", tokenHash)
			.bind("userId", userId)
			.bind("email", email)
			.map((row) -> new OrganizationRole(row.get("organization_id", String.class), row.get("role", String.class)))
			.one();
	}

	/** The organization's invitations that can still be accepted, oldest first. */
	Flux<Invitation> findPending(String organizationId) {
		return this.database.sql(SELECT_PENDING)
			.bind("organizationId", organizationId)
			.map(InvitationStore::toInvitation)
			.all();
	}

	/**
	 * Deletes a pending invitation of the organization; answers whether there was one.
	 */
	Mono<Boolean> deletePending(String organizationId, String id) {
		return this.database.sql(DELETE_PENDING)
			.bind("organizationId", organizationId)
			.bind("id", id)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	Mono<Void> delete(String id) {
		return this.database.sql(DELETE).bind("id", id).then();
	}

	private static Invitation toInvitation(Readable row) {
		return new Invitation(row.get("id", String.class), row.get("organization_id", String.class),
				row.get("organization_name", String.class), row.get("email", String.class),
				row.get("role", String.class), row.get("invited_by", String.class),
				row.get("created_at", OffsetDateTime.class).toInstant(),
				row.get("expires_at", OffsetDateTime.class).toInstant());
	}

	/**
	 * An invitation as stored, with its state at the database's present time.
	 *
	 * @param invitation the invitation
	 * @param accepted whether it has been used
	 * @param expired whether its time to live has passed
	 */
	record Stored(Invitation invitation, boolean accepted, boolean expired) {

	}

}
