package dev.writ.server.admin;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.writ.server.apitoken.ApiTokens;
import dev.writ.server.event.DomainEventTypes;
import dev.writ.server.event.Target;
import dev.writ.server.org.Memberships;
import dev.writ.server.org.Organization;
import dev.writ.server.org.Organizations;
import dev.writ.server.org.Permissions;
import dev.writ.server.token.RevocationList;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Creates, changes and deletes organizations, each change in one transaction with its
 * domain event. An organization is born with its owner, so it never exists without one;
 * deleting one ends, at once, every token that speaks for it: the members' refresh-token
 * families and access tokens, and its API tokens (on the revocation list, so resource
 * servers that cache introspection answers refuse them too).
 */
@Component
public final class OrganizationAdministration {

	private final Organizations organizations;

	private final Memberships memberships;

	private final MembershipAdministration membershipAdministration;

	private final ApiTokens apiTokens;

	private final RevocationList revocationList;

	private final AdminEvents events;

	private final TransactionalOperator transaction;

	private final Clock clock;

	OrganizationAdministration(Organizations organizations, Memberships memberships,
			MembershipAdministration membershipAdministration, ApiTokens apiTokens, RevocationList revocationList,
			AdminEvents events, ReactiveTransactionManager transactions, Clock clock) {
		this.organizations = organizations;
		this.memberships = memberships;
		this.membershipAdministration = membershipAdministration;
		this.apiTokens = apiTokens;
		this.revocationList = revocationList;
		this.events = events;
		this.transaction = TransactionalOperator.create(transactions);
		this.clock = clock;
	}

	/**
	 * Creates an organization whose first owner is {@code ownerUserId}.
	 * @throws dev.writ.server.org.DuplicateSlugException (as the error) for a taken slug
	 */
	public Mono<Organization> create(AdminCaller caller, String slug, String name, String ownerUserId) {
		return this.organizations.create(slug, name)
			.flatMap((organization) -> this.memberships.join(ownerUserId, organization.id(), Permissions.OWNER)
				.then(this.events.publish(caller, DomainEventTypes.ORGANIZATION_CREATED, organization.id(),
						new Target(Target.ORGANIZATION, organization.id()),
						Map.of("slug", slug, "name", name, "owner", ownerUserId)))
				.then(this.events.publish(caller, DomainEventTypes.MEMBERSHIP_ADDED, organization.id(),
						new Target(Target.MEMBERSHIP, ownerUserId), Map.of("role", Permissions.OWNER)))
				.thenReturn(organization))
			.as(this.transaction::transactional);
	}

	/**
	 * Renames the organization and changes its API-token policy, as far as
	 * {@code changes} says; empty for an unknown organization.
	 */
	public Mono<Organization> update(AdminCaller caller, String organizationId, OrganizationChanges changes) {
		Mono<Organization> renamed = (changes.name() != null)
				? this.organizations.rename(organizationId, changes.name())
				: this.organizations.findById(organizationId);
		return renamed.flatMap((organization) -> {
			Mono<Void> policy = changes.apiTokenMaxLifetimeChanged()
					? this.apiTokens.setMaxLifetime(organizationId, changes.apiTokenMaxLifetime()) : Mono.empty();
			return policy.then(record(caller, organizationId, changes)).thenReturn(organization);
		}).as(this.transaction::transactional);
	}

	private Mono<Void> record(AdminCaller caller, String organizationId, OrganizationChanges changes) {
		List<String> changed = new ArrayList<>();
		Map<String, Object> details = new LinkedHashMap<>();
		if (changes.name() != null) {
			changed.add("name");
			details.put("name", changes.name());
		}
		if (changes.apiTokenMaxLifetimeChanged()) {
			changed.add("api_token_max_lifetime");
			Duration lifetime = changes.apiTokenMaxLifetime();
			details.put("api_token_max_lifetime", (lifetime != null) ? lifetime.toString() : "default");
		}
		if (changed.isEmpty()) {
			return Mono.empty();
		}
		details.put("changed", changed);
		return this.events.publish(caller, DomainEventTypes.ORGANIZATION_UPDATED, organizationId,
				new Target(Target.ORGANIZATION, organizationId), details);
	}

	/**
	 * Deletes the organization and ends every token that speaks for it; answers whether
	 * there was one.
	 */
	public Mono<Boolean> delete(AdminCaller caller, String organizationId) {
		return this.organizations.findById(organizationId)
			.flatMap((organization) -> Mono
				.zip(this.memberships.findMembers(organizationId).map((member) -> member.userId()).collectList(),
						this.apiTokens.list(organizationId)
							.filter((token) -> token.isActive(this.clock.instant()))
							.collectList())
				.flatMap((live) -> this.events
					.publish(caller, DomainEventTypes.ORGANIZATION_DELETED, organizationId,
							new Target(Target.ORGANIZATION, organizationId),
							Map.of("slug", organization.slug(), "name", organization.name()))
					.then(this.organizations.delete(organizationId))
					.thenReturn(live)))
			.as(this.transaction::transactional)
			.flatMap((live) -> Flux.fromIterable(live.getT1())
				.concatMap((userId) -> this.membershipAdministration.revokeTokens(organizationId, userId))
				.thenMany(Flux.fromIterable(live.getT2())
					.concatMap((token) -> this.revocationList.revoke(token.id(), token.expiresAt())))
				.then(Mono.just(true)))
			.defaultIfEmpty(false);
	}

	/**
	 * What an update changes.
	 *
	 * @param name the new name, or {@code null} to keep it
	 * @param apiTokenMaxLifetimeChanged whether the API-token policy changes
	 * @param apiTokenMaxLifetime the new longest API-token lifetime, or {@code null} for
	 * the default of {@code writ.api-tokens.default-max-lifetime}
	 */
	public record OrganizationChanges(@Nullable String name, boolean apiTokenMaxLifetimeChanged,
			@Nullable Duration apiTokenMaxLifetime) {

	}

}
