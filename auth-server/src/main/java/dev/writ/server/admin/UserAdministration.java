package dev.writ.server.admin;

import java.util.Map;

import dev.writ.server.account.User;
import dev.writ.server.account.UserStatusChange;
import dev.writ.server.account.Users;
import dev.writ.server.event.Actor;
import dev.writ.server.event.DomainEventTypes;
import dev.writ.server.event.DomainEvents;
import dev.writ.server.event.Target;
import dev.writ.server.session.SignOutEverywhere;

import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Mono;

/**
 * A platform operator's view of user accounts: read one, disable it, enable it.
 *
 * <p>
 * A disabled user cannot sign in ({@code PasswordSignIn} refuses them like a wrong
 * password), cannot use a grant they made before ({@code UserTokens.activeUser}: the
 * authorization code and refresh token grants fail and the family dies), and is signed
 * out everywhere at once: every browser session, every refresh-token family and every
 * live access token ends ({@link SignOutEverywhere}). Their personal API tokens stop
 * being active at introspection; resource servers that cached an answer keep it for at
 * most the starter's cache lifetime (30 s by default), exactly as for a member who left
 * the organization. They are not revoked, so enabling the user brings them back, as it
 * does not bring back sessions or tokens.
 *
 * <p>
 * The flag and its audit record commit in one transaction; signing out follows the
 * commit, so no sign-in that starts afterwards can succeed, and runs on every call, so
 * that disabling again finishes what a failed call left (Redis unreachable) undone. Only
 * an actual change is published.
 */
@Component
public final class UserAdministration {

	private final Users users;

	private final SignOutEverywhere signOutEverywhere;

	private final DomainEvents events;

	private final TransactionalOperator transaction;

	UserAdministration(Users users, SignOutEverywhere signOutEverywhere, DomainEvents events,
			ReactiveTransactionManager transactions) {
		this.users = users;
		this.signOutEverywhere = signOutEverywhere;
		this.events = events;
		this.transaction = TransactionalOperator.create(transactions);
	}

	/**
	 * @throws UserNotFoundException (as the error) for an unknown user
	 */
	public Mono<User> find(String userId) {
		return this.users.findById(userId).switchIfEmpty(Mono.error(() -> new UserNotFoundException(userId)));
	}

	/**
	 * Disables the account and ends everything that keeps the user signed in.
	 * @param actor who disables it
	 * @throws UserNotFoundException (as the error) for an unknown user
	 */
	public Mono<User> disable(Actor actor, String userId) {
		return change(actor, userId, true, DomainEventTypes.USER_DISABLED)
			.flatMap((user) -> this.signOutEverywhere.signOut(userId).thenReturn(user));
	}

	/**
	 * Enables the account again; the user signs in afresh.
	 * @param actor who enables it
	 * @throws UserNotFoundException (as the error) for an unknown user
	 */
	public Mono<User> enable(Actor actor, String userId) {
		return change(actor, userId, false, DomainEventTypes.USER_ENABLED);
	}

	private Mono<User> change(Actor actor, String userId, boolean disabled, String eventType) {
		return this.users.setDisabled(userId, disabled)
			.switchIfEmpty(Mono.error(() -> new UserNotFoundException(userId)))
			.flatMap((change) -> publish(change, actor, eventType).thenReturn(change.user()))
			.as(this.transaction::transactional);
	}

	private Mono<Void> publish(UserStatusChange change, Actor actor, String eventType) {
		if (!change.changed()) {
			return Mono.empty();
		}
		return this.events.publish(eventType, null, actor, new Target(Target.USER, change.user().id()), Map.of());
	}

}
