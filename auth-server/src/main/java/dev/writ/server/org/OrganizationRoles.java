package dev.writ.server.org;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The roles of an organization: the {@link BuiltInRoles}, which nobody changes, and those
 * it defines itself (table {@code organization_roles}), each a set of permissions from
 * the built-in vocabulary.
 *
 * <p>
 * Nobody grants more than they hold: defining, changing or deleting a role needs every
 * permission the role has before and after ({@link Grantor}). A role in use (held by a
 * member, or granted by a pending invitation) cannot be deleted. Assigning a role
 * ({@link #assignable}) and deleting it lock the role's row ({@code FOR SHARE} and
 * {@code FOR UPDATE}), so an assignment and a deletion of the same role run one after the
 * other: either the assignment sees the role gone, or the deletion sees it in use.
 * Narrowing a role takes effect at once: its holders' tokens for the organization end, as
 * when a member's role changes.
 *
 * <p>
 * Every change is published as a domain event ({@code role.created},
 * {@code role.updated}, {@code role.deleted}) in the transaction that makes it, so the
 * change and its audit record commit together.
 */
@Component
public final class OrganizationRoles implements RolePermissions {

	private static final String COLUMNS = "name, description, permissions, created_at, updated_at";

	private static final String SELECT_ALL = "SELECT " + COLUMNS
			+ " FROM organization_roles WHERE organization_id = :org ORDER BY name";

	private static final String SELECT_ONE = "SELECT " + COLUMNS
			+ " FROM organization_roles WHERE organization_id = :org AND name = :name";

	// Inserting from the organization makes an unknown organization insert nothing; a
	// taken name also inserts nothing, after waiting for a concurrent insert of it.
	private static final String INSERT = """
			INSERT INTO organization_roles (organization_id, name, description, permissions)
			SELECT id, :name, :description, :permissions FROM organizations WHERE id = :org
			ON CONFLICT (organization_id, name) DO NOTHING
			RETURNING\s""" + COLUMNS;

	private static final String UPDATE = """
			UPDATE organization_roles SET description = :description, permissions = :permissions, updated_at = now()
			WHERE organization_id = :org AND name = :name
			RETURNING\s""" + COLUMNS;

	// Pending as accepting decides it, by the database's clock: an invitation that can
	// still be accepted keeps its role alive.
	private static final String USES = """
			SELECT (SELECT count(*) FROM memberships WHERE organization_id = :org AND role = :name) AS members,
			  (SELECT count(*) FROM invitations WHERE organization_id = :org AND role = :name
			   AND accepted_at IS NULL AND expires_at > now()) AS invitations""";

	private final DatabaseClient database;

	private final TransactionalOperator transaction;

	private final RoleEvents events;

	private final MemberTokenRevocation tokens;

	OrganizationRoles(DatabaseClient database, ReactiveTransactionManager transactions, RoleEvents events,
			MemberTokenRevocation tokens) {
		this.database = database;
		this.transaction = TransactionalOperator.create(transactions);
		this.events = events;
		this.tokens = tokens;
	}

	/** The built-in roles, highest first, then the organization's own by name. */
	public Flux<Role> list(String organizationId) {
		return Flux.fromIterable(BuiltInRoles.all())
			.concatWith(this.database.sql(SELECT_ALL).bind("org", organizationId).map(OrganizationRoles::role).all());
	}

	/** The role called {@code name} in the organization; empty when it has none. */
	public Mono<Role> find(String organizationId, String name) {
		return find(organizationId, name, "");
	}

	/**
	 * What a holder of {@code role} may do in the organization; empty when the
	 * organization has no such role. Only an organization's own role costs a query.
	 */
	@Override
	public Mono<Set<String>> permissions(String organizationId, String role) {
		return find(organizationId, role).map(Role::permissions);
	}

	/**
	 * The role, if it can be given to someone in the organization, held until the
	 * caller's transaction ends so that it cannot be deleted before the assignment
	 * commits. Call it in the transaction that assigns the role.
	 * @return the role, or an {@link UnknownRoleException}
	 */
	public Mono<Role> assignable(String organizationId, String role) {
		return find(organizationId, role, " FOR SHARE")
			.switchIfEmpty(Mono.error(() -> new UnknownRoleException(organizationId, role)));
	}

	/**
	 * Defines a role of the organization's own.
	 * @param permissions what holders may do: permissions of {@link Permissions#all()},
	 * each one held by the grantor; order and repetition do not matter
	 * @return the role, or an {@link InvalidRoleException} (name, description,
	 * permissions), a {@link RoleEscalationException}, a {@link RoleConflictException}
	 * ({@code EXISTS}) when the name is taken or built-in, an
	 * {@link IllegalArgumentException} for an unknown organization
	 */
	public Mono<Role> define(String organizationId, String name, @Nullable String description,
			Collection<String> permissions, Grantor grantor) {
		return Mono.defer(() -> {
			RoleDefinition definition = RoleDefinition.of(name, description, permissions);
			checkHeld(definition.permissions(), grantor);
			if (Permissions.isBuiltIn(name)) {
				return Mono.error(new RoleConflictException(RoleConflictException.Reason.EXISTS,
						"'" + name + "' is a built-in role"));
			}
			return this.database.sql(INSERT)
				.bind("org", organizationId)
				.bind("name", name)
				.bind("description", definition.description())
				.bind("permissions", definition.permissions().toArray(String[]::new))
				.map(OrganizationRoles::role)
				.one()
				.switchIfEmpty(Mono.defer(() -> whyNotInserted(organizationId, name)))
				.flatMap((role) -> this.events.created(organizationId, role, grantor).thenReturn(role))
				.as(this.transaction::transactional);
		});
	}

	/**
	 * Gives one of the organization's own roles a new description and permissions. When
	 * it loses a permission, its holders' tokens for the organization end once the change
	 * has committed, so nobody keeps acting with the permission for a token's lifetime.
	 * @return the role as it is now, or an {@link InvalidRoleException}, an
	 * {@link UnknownRoleException}, a {@link RoleConflictException} ({@code BUILT_IN}), a
	 * {@link RoleEscalationException} when the grantor lacks a permission the role has
	 * before or after
	 */
	public Mono<Role> update(String organizationId, String name, @Nullable String description,
			Collection<String> permissions, Grantor grantor) {
		return Mono.defer(() -> {
			RoleDefinition definition = RoleDefinition.of(null, description, permissions);
			return locked(organizationId, name).flatMap((current) -> {
				checkHeld(union(current.permissions(), definition.permissions()), grantor);
				if (current.description().equals(definition.description())
						&& current.permissions().equals(definition.permissions())) {
					return Mono.just(new Updated(current, List.of()));
				}
				return this.database.sql(UPDATE)
					.bind("org", organizationId)
					.bind("name", name)
					.bind("description", definition.description())
					.bind("permissions", definition.permissions().toArray(String[]::new))
					.map(OrganizationRoles::role)
					.one()
					.flatMap((updated) -> this.events.updated(organizationId, current, updated, grantor)
						.then(holdersIfNarrowed(organizationId, current, updated))
						.map((holders) -> new Updated(updated, holders)));
			}).as(this.transaction::transactional);
		})
			.flatMap((updated) -> Flux.fromIterable(updated.holders())
				.flatMap((userId) -> this.tokens.revoke(userId, organizationId), 8)
				.then(Mono.just(updated.role())));
	}

	/**
	 * Deletes one of the organization's own roles, which nobody may hold and no pending
	 * invitation may grant.
	 * @return empty, or an {@link UnknownRoleException}, a {@link RoleConflictException}
	 * ({@code BUILT_IN}, {@code IN_USE}), a {@link RoleEscalationException} when the
	 * grantor lacks one of its permissions
	 */
	public Mono<Void> delete(String organizationId, String name, Grantor grantor) {
		return locked(organizationId, name).flatMap((current) -> {
			checkHeld(current.permissions(), grantor);
			return this.database.sql(USES)
				.bind("org", organizationId)
				.bind("name", name)
				.map((row) -> new long[] { row.get("members", Long.class), row.get("invitations", Long.class) })
				.one()
				.flatMap((uses) -> {
					if (uses[0] > 0 || uses[1] > 0) {
						return Mono.error(new RoleConflictException(RoleConflictException.Reason.IN_USE,
								"the role '" + name + "' is held by " + uses[0] + " member(s) and granted by " + uses[1]
										+ " pending invitation(s)"));
					}
					return this.database
						.sql("DELETE FROM organization_roles WHERE organization_id = :org AND name = :name")
						.bind("org", organizationId)
						.bind("name", name)
						.then()
						.then(this.events.deleted(organizationId, current, grantor));
				});
		}).as(this.transaction::transactional);
	}

	private Mono<Role> find(String organizationId, String name, String lock) {
		if (Permissions.isBuiltIn(name)) {
			return Mono.just(BuiltInRoles.find(name));
		}
		if (!Role.isName(name)) {
			return Mono.empty();
		}
		return this.database.sql(SELECT_ONE + lock)
			.bind("org", organizationId)
			.bind("name", name)
			.map(OrganizationRoles::role)
			.one();
	}

	/**
	 * One of the organization's own roles, locked for a change until the transaction
	 * ends; built-in roles cannot be changed.
	 */
	private Mono<Role> locked(String organizationId, String name) {
		if (Permissions.isBuiltIn(name)) {
			return Mono.error(new RoleConflictException(RoleConflictException.Reason.BUILT_IN,
					"'" + name + "' is a built-in role, the same in every organization"));
		}
		return find(organizationId, name, " FOR UPDATE")
			.switchIfEmpty(Mono.error(() -> new UnknownRoleException(organizationId, name)));
	}

	private Mono<Role> whyNotInserted(String organizationId, String name) {
		return this.database.sql("SELECT id FROM organizations WHERE id = :org")
			.bind("org", organizationId)
			.map((row) -> row.get("id", String.class))
			.one()
			.flatMap((found) -> Mono.<Role>error(new RoleConflictException(RoleConflictException.Reason.EXISTS,
					"the organization already has a role '" + name + "'")))
			.switchIfEmpty(Mono.error(() -> new IllegalArgumentException("no organization '" + organizationId + "'")));
	}

	/** The holders whose tokens must end: none unless the role lost a permission. */
	private Mono<List<String>> holdersIfNarrowed(String organizationId, Role before, Role after) {
		if (after.permissions().containsAll(before.permissions())) {
			return Mono.just(List.of());
		}
		return this.database.sql("SELECT user_id FROM memberships WHERE organization_id = :org AND role = :name")
			.bind("org", organizationId)
			.bind("name", after.name())
			.map((row) -> row.get("user_id", String.class))
			.all()
			.collectList();
	}

	private static void checkHeld(Set<String> permissions, Grantor grantor) {
		Set<String> missing = new LinkedHashSet<>(permissions);
		missing.removeAll(grantor.permissions());
		if (!missing.isEmpty()) {
			throw new RoleEscalationException(missing);
		}
	}

	private static Set<String> union(Set<String> first, Set<String> second) {
		Set<String> union = new LinkedHashSet<>(first);
		union.addAll(second);
		return union;
	}

	private static Role role(Readable row) {
		String[] permissions = row.get("permissions", String[].class);
		return new Role(row.get("name", String.class), row.get("description", String.class),
				new LinkedHashSet<>(List.of((permissions != null) ? permissions : new String[0])), false,
				row.get("created_at", Instant.class), row.get("updated_at", Instant.class));
	}

	/**
	 * A role as an update left it, and whose tokens to end once it has committed.
	 *
	 * @param role the role
	 * @param holders the members whose tokens end
	 */
	private record Updated(Role role, List<String> holders) {

	}

}
