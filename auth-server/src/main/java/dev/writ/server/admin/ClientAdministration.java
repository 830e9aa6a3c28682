package dev.writ.server.admin;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import dev.writ.server.client.Client;
import dev.writ.server.client.ClientSecrets;
import dev.writ.server.client.ClientSecrets.NewClientSecret;
import dev.writ.server.client.RegisteredClients;
import dev.writ.server.event.DomainEventTypes;
import dev.writ.server.event.DomainEvents;
import dev.writ.server.event.Target;
import dev.writ.server.org.Organizations;
import dev.writ.server.token.ClientAccessTokens;
import dev.writ.server.token.RefreshTokenFamilies;
import dev.writ.server.token.TokenProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Registers, changes, re-keys and deletes clients for their administrators (see
 * {@link ClientAdministrator} for who sees and may change what).
 *
 * <p>
 * Each change runs in one transaction that locks the client's row, so two changes at once
 * cannot lose one another, and publishes its domain event in that transaction, so the
 * change and its audit record commit together. A new secret is 256 random bits
 * ({@link ClientSecrets}), returned once and stored only hashed.
 *
 * <p>
 * <b>Rotation</b> replaces the secret: the old one stops working the moment the
 * transaction commits, with no period in which both work. A secret is rotated mostly
 * because it leaked, and an overlap would be an overlap for whoever holds the leaked one;
 * an overlap would also need a second secret column and a rule for when the first dies. A
 * client that must change credentials without a moment's outage authenticates with
 * {@code private_key_jwt}, whose key set may hold the old and the new key at once. Live
 * access tokens are not revoked by a rotation: they expire within their short lifetime,
 * and deleting the client is the way to end them at once.
 *
 * <p>
 * <b>Taking something away</b> (the organization or role changed, a scope, audience or
 * grant type removed) ends the client's refresh-token families and live access tokens, as
 * a membership change ends a member's: tokens are not honoured for more than the client
 * now has. <b>Deleting</b> ends them too.
 */
@Component
public final class ClientAdministration {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final RegisteredClients clients;

	private final ClientSecrets secrets;

	private final Organizations organizations;

	private final RefreshTokenFamilies families;

	private final ClientAccessTokens accessTokens;

	private final DomainEvents events;

	private final TransactionalOperator transaction;

	private final TokenProperties tokenProperties;

	private final ClientRegistrationValidator validator;

	ClientAdministration(RegisteredClients clients, ClientSecrets secrets, Organizations organizations,
			RefreshTokenFamilies families, ClientAccessTokens accessTokens, DomainEvents events,
			ReactiveTransactionManager transactions, TokenProperties tokenProperties) {
		this.clients = clients;
		this.secrets = secrets;
		this.organizations = organizations;
		this.families = families;
		this.accessTokens = accessTokens;
		this.events = events;
		this.transaction = TransactionalOperator.create(transactions);
		this.tokenProperties = tokenProperties;
		this.validator = new ClientRegistrationValidator(tokenProperties.maxAccessTokenTimeToLive());
	}

	/**
	 * The clients the administrator sees, ordered by id.
	 * @param afterClientId the last id of the previous page, or {@code null}
	 * @param limit how many at most
	 */
	public Flux<AdministeredClient> list(ClientAdministrator administrator, @Nullable String afterClientId, int limit) {
		return this.clients.list(administrator.organizationId(), afterClientId, limit)
			.map(ClientRegistrationMapping::view);
	}

	/**
	 * One client.
	 * @throws ClientNotFoundException (as the error) when there is none the administrator
	 * sees
	 */
	public Mono<AdministeredClient> find(ClientAdministrator administrator, String clientId) {
		return visible(this.clients.findByClientId(clientId), administrator, clientId)
			.map(ClientRegistrationMapping::view);
	}

	/**
	 * Registers a client with a new id; a client that authenticates with a secret gets
	 * one, in the answer and nowhere else.
	 * @throws ClientValidationException (as the error) for a registration that breaks a
	 * rule
	 * @throws ClientAccessDeniedException (as the error) for one that gives more than the
	 * administrator holds
	 */
	public Mono<ClientWithSecret> register(ClientAdministrator administrator, ClientRegistration registration) {
		return Mono.defer(() -> {
			ClientRegistration valid = this.validator.validate(registration, administrator);
			administrator.checkMayRegister(valid);
			String method = valid.tokenEndpointAuthMethod();
			return organizationExists(valid)
				.then(ClientRegistrationValidator.SECRET_METHODS.contains(method)
						? this.secrets.generate().map(Optional::of) : Mono.just(Optional.<NewClientSecret>empty()))
				.flatMap((secret) -> {
					String clientId = newClientId();
					Client client = ClientRegistrationMapping.client(clientId, valid, Set.of(method),
							secret.map(NewClientSecret::hash).orElse(null),
							this.tokenProperties.accessTokenTimeToLive());
					return this.clients.save(client)
						.then(stored(clientId))
						.flatMap((saved) -> publish(DomainEventTypes.CLIENT_CREATED, administrator, saved, Map.of())
							.thenReturn(withSecret(saved, secret)))
						.as(this.transaction::transactional);
				});
		});
	}

	/**
	 * Changes a client: {@code change} gets the registration as it stands and answers
	 * what it should be, which is then checked as a whole. A client that starts to
	 * authenticate with a secret gets one, in the answer; one that stops loses its hash.
	 * @throws ClientNotFoundException (as the error) when there is none the administrator
	 * sees
	 * @throws ClientAccessDeniedException (as the error) when the administrator may not
	 * change it
	 * @throws ClientValidationException (as the error) for a change that breaks a rule
	 * @throws ClientAccessDeniedException (as the error) when the administrator may not
	 * change the client, or not so
	 */
	public Mono<ClientWithSecret> update(ClientAdministrator administrator, String clientId,
			UnaryOperator<ClientRegistration> change) {
		return manageable(administrator, clientId).flatMap((current) -> {
			ClientRegistration before = ClientRegistrationMapping.registration(current);
			ClientRegistration after = this.validator.validate(change.apply(before), administrator);
			administrator.checkMayRegister(after);
			List<String> changed = ClientRegistrationChanges.changed(before, after);
			if (changed.isEmpty()) {
				return Mono.just(new ClientWithSecret(ClientRegistrationMapping.view(current), null));
			}
			return organizationExists(after).then(secretAfterUpdate(current, after)).flatMap((secret) -> {
				String hash = secret.map(NewClientSecret::hash)
					.orElse(ClientRegistrationValidator.SECRET_METHODS.contains(after.tokenEndpointAuthMethod())
							? current.registration().getClientSecret() : null);
				Set<String> methods = after.tokenEndpointAuthMethod().equals(before.tokenEndpointAuthMethod())
						? ClientRegistrationMapping.methodNames(current.registration().getClientAuthenticationMethods())
						: Set.of(after.tokenEndpointAuthMethod());
				Client client = ClientRegistrationMapping.client(clientId, after, methods, hash,
						this.tokenProperties.accessTokenTimeToLive());
				Mono<Void> revocation = ClientRegistrationChanges.takesAway(before, after) ? revokeTokens(clientId)
						: Mono.empty();
				return this.clients.save(client)
					.then(stored(clientId))
					.flatMap((saved) -> publish(DomainEventTypes.CLIENT_UPDATED, administrator, saved,
							Map.of("changed", changed))
						.then(revocation)
						.thenReturn(withSecret(saved, secret)));
			});
		}).as(this.transaction::transactional);
	}

	/**
	 * Gives a client a new secret, in the answer and nowhere else; the old one stops
	 * working at once.
	 * @throws ClientNotFoundException (as the error) when there is none the administrator
	 * sees
	 * @throws ClientAccessDeniedException (as the error) when the administrator may not
	 * change it
	 * @throws ClientHasNoSecretException (as the error) for a client that authenticates
	 * without a secret
	 */
	public Mono<ClientWithSecret> rotateSecret(ClientAdministrator administrator, String clientId) {
		return manageable(administrator, clientId).flatMap((current) -> {
			String method = ClientRegistrationMapping.method(current.registration().getClientAuthenticationMethods());
			if (!ClientRegistrationValidator.SECRET_METHODS.contains(method)) {
				return Mono.error(new ClientHasNoSecretException(clientId, method));
			}
			return this.secrets.generate().flatMap((secret) -> {
				Client rotated = new Client(
						RegisteredClient.from(current.registration())
							.clientSecret(secret.hash())
							.clientSecretExpiresAt(null)
							.build(),
						current.defaultScope(), current.audiences(), current.organization(), current.jwks(),
						current.refreshTokens());
				return this.clients.save(rotated)
					.then(stored(clientId))
					.flatMap((saved) -> publish(DomainEventTypes.CLIENT_SECRET_ROTATED, administrator, saved, Map.of())
						.thenReturn(new ClientWithSecret(ClientRegistrationMapping.view(saved), secret.secret())));
			});
		}).as(this.transaction::transactional);
	}

	/**
	 * Deletes a client, its refresh-token families and its live access tokens (which go
	 * onto the revocation list).
	 * @throws ClientNotFoundException (as the error) when there is none the administrator
	 * sees
	 * @throws ClientAccessDeniedException (as the error) when the administrator may not
	 * change it
	 */
	public Mono<Void> delete(ClientAdministrator administrator, String clientId) {
		// The tokens are revoked inside the transaction, so that a Redis failure keeps
		// the
		// client (the caller may try again), and once more after the commit, for a token
		// issued to a request that authenticated the client before the row was gone.
		return manageable(administrator, clientId)
			.flatMap((current) -> this.clients.delete(clientId)
				.then(publish(DomainEventTypes.CLIENT_DELETED, administrator, current, Map.of()))
				.then(revokeTokens(clientId)))
			.as(this.transaction::transactional)
			.then(Mono.defer(() -> revokeTokens(clientId)));
	}

	private Mono<Client> stored(String clientId) {
		return this.clients.findByClientId(clientId)
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("the client '" + clientId + "' just saved")));
	}

	private static Mono<Client> visible(Mono<Client> client, ClientAdministrator administrator, String clientId) {
		return client
			.filter((found) -> administrator
				.sees((found.organization() != null) ? found.organization().organizationId() : null))
			.switchIfEmpty(Mono.error(() -> new ClientNotFoundException(clientId)));
	}

	/**
	 * The client, locked, if the administrator sees it and may change it (see
	 * {@link ClientAdministrator#checkMayManage}).
	 */
	private Mono<Client> manageable(ClientAdministrator administrator, String clientId) {
		return visible(this.clients.lock(clientId), administrator, clientId).doOnNext(administrator::checkMayManage);
	}

	private Mono<Void> organizationExists(ClientRegistration registration) {
		String organization = registration.organization();
		if (organization == null) {
			return Mono.empty();
		}
		return this.organizations.findById(organization)
			.switchIfEmpty(
					Mono.error(() -> new ClientValidationException(List.of(new AdminProblem.FieldError("#/organization",
							null, "there is no organization '" + organization + "'")))))
			.then();
	}

	/**
	 * A secret for a client that starts to authenticate with one: a client whose secret
	 * method merely changes (basic to post) keeps its secret.
	 */
	private Mono<Optional<NewClientSecret>> secretAfterUpdate(Client current, ClientRegistration after) {
		boolean needsSecret = ClientRegistrationValidator.SECRET_METHODS.contains(after.tokenEndpointAuthMethod());
		if (needsSecret && current.registration().getClientSecret() == null) {
			return this.secrets.generate().map(Optional::of);
		}
		return Mono.just(Optional.empty());
	}

	private Mono<Void> revokeTokens(String clientId) {
		return Mono.when(this.families.revokeAllForClient(clientId), this.accessTokens.revokeAll(clientId));
	}

	private Mono<Void> publish(String type, ClientAdministrator administrator, Client client,
			Map<String, Object> details) {
		return this.events.publish(type,
				(client.organization() != null) ? client.organization().organizationId() : null, administrator.actor(),
				new Target(Target.CLIENT, client.clientId()), details);
	}

	private static ClientWithSecret withSecret(Client saved, Optional<NewClientSecret> secret) {
		return new ClientWithSecret(ClientRegistrationMapping.view(saved),
				secret.map(NewClientSecret::secret).orElse(null));
	}

	/** {@code cli_} and 128 random bits: unguessable, so it may appear in URLs. */
	private static String newClientId() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return "cli_" + HexFormat.of().formatHex(bytes);
	}

}
