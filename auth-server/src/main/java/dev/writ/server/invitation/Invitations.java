package dev.writ.server.invitation;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

import dev.writ.server.WritProperties;
import dev.writ.server.account.User;
import dev.writ.server.account.Users;
import dev.writ.server.mail.Email;
import dev.writ.server.mail.MailNotSentException;
import dev.writ.server.mail.Mailer;
import dev.writ.server.org.Memberships;
import dev.writ.server.org.OrganizationRole;
import dev.writ.server.org.OrganizationRoles;
import dev.writ.server.org.UnknownRoleException;
import dev.writ.server.protocol.OpaqueTokens;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Invitations to join an organization by email.
 *
 * <p>
 * The link carries a token of 256 random bits ({@code writ_inv_...}, a prefix secret
 * scanners can look for) that is stored only as its SHA-256. That gives what a signed
 * link would give (nobody can forge or guess one) and more: the server can revoke it, and
 * using it is recorded, so it works once. Only the user whose email address is the
 * invited one (ignoring case) can accept, and accepting adds the membership in the same
 * transaction that uses the invitation.
 *
 * <p>
 * Who may invite whom, in which role, is for the caller to decide; this service only
 * records the inviter.
 */
@Component
public final class Invitations {

	static final String TOKEN_PREFIX = "writ_inv_";

	/** Where the invitation's page listens; the token follows. */
	public static final String PATH_PREFIX = "/invitations/";

	private static final int ID_BYTES = 16;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final InvitationStore store;

	private final Memberships memberships;

	private final OrganizationRoles roles;

	private final Users users;

	private final Mailer mailer;

	private final WritProperties writ;

	private final InvitationProperties properties;

	private final TransactionalOperator transactions;

	Invitations(InvitationStore store, Memberships memberships, OrganizationRoles roles, Users users, Mailer mailer,
			WritProperties writ, InvitationProperties properties, ReactiveTransactionManager transactionManager) {
		this.store = store;
		this.memberships = memberships;
		this.roles = roles;
		this.users = users;
		this.mailer = mailer;
		this.writ = writ;
		this.properties = properties;
		this.transactions = TransactionalOperator.create(transactionManager);
	}

	/**
	 * Invites {@code email} to the organization in {@code role} and emails the link
	 * ({@code {writ.issuer}/invitations/{token}}), which works until
	 * {@code writ.invitation.time-to-live} from now. Completes once the SMTP server took
	 * the email; the token is in the email only.
	 *
	 * <p>
	 * Fails with {@link MailNotSentException} when no SMTP server is configured (nothing
	 * is stored then) or the email could not be sent (the invitation is deleted again, so
	 * no link exists that nobody received), with {@link UnknownRoleException} for a role
	 * that is neither built-in nor defined in the organization, and with
	 * {@link IllegalArgumentException} for an address that is not one, an unknown
	 * organization or inviter.
	 * @param invitedByUserId the user who invites, or {@code null} for the operator
	 */
	public Mono<Invitation> invite(String organizationId, String email, String role, @Nullable String invitedByUserId) {
		if (!this.mailer.canSend()) {
			return Mono.error(MailNotSentException.notConfigured());
		}
		return Mono.fromCallable(() -> validated(organizationId, email, role)).flatMap((invited) -> {
			String token = OpaqueTokens.generate(TOKEN_PREFIX);
			// the role stays locked until the invitation is stored, so it cannot be
			// deleted in between
			return this.roles.assignable(organizationId, role)
				.then(this.store.insert(newId(), organizationId, invited, role, invitedByUserId,
						OpaqueTokens.hash(token), this.properties.timeToLive()))
				.onErrorMap(DataIntegrityViolationException.class,
						(ex) -> new IllegalArgumentException("no user '" + invitedByUserId + "' to be the inviter"))
				.switchIfEmpty(
						Mono.error(() -> new IllegalArgumentException("no organization '" + organizationId + "'")))
				.as(this.transactions::transactional)
				.flatMap((invitation) -> send(invitation, invitedByUserId, token)
					.onErrorResume((ex) -> this.store.delete(invitation.id()).then(Mono.error(ex)))
					.thenReturn(invitation));
		});
	}

	/**
	 * The invitation whose link carries {@code token}, if it can still be accepted; fails
	 * with {@link InvitationException} when it is unknown, used or expired. Reading it
	 * changes nothing, so mail scanners that follow links use nothing up.
	 */
	public Mono<Invitation> findPending(String token) {
		return stored(token).map((stored) -> {
			if (stored.accepted()) {
				throw new InvitationException(InvitationException.Reason.USED);
			}
			if (stored.expired()) {
				throw new InvitationException(InvitationException.Reason.EXPIRED);
			}
			return stored.invitation();
		});
	}

	/**
	 * Uses the invitation whose link carries {@code token}: the user joins its
	 * organization in its role, and the link never works again. A user who is a member
	 * already keeps the role they have ({@link Memberships#join}); the invitation is used
	 * all the same. Answers the user's membership as it stands.
	 *
	 * <p>
	 * Fails with {@link InvitationException} when the invitation is unknown, used or
	 * expired, or is for another email address than the user's (it stays usable by the
	 * right user then), and with {@link IllegalArgumentException} for an unknown user.
	 * The invitation's role is locked with the membership ({@link Memberships#join}); a
	 * role cannot be deleted while a pending invitation grants it.
	 */
	public Mono<OrganizationRole> accept(String token, String userId) {
		String tokenHash = OpaqueTokens.hash(token);
		return this.users.findById(userId)
			.switchIfEmpty(Mono.error(() -> new IllegalArgumentException("no user '" + userId + "'")))
			.flatMap((user) -> this.transactions.transactional(this.store.claim(tokenHash, userId, user.email())
				.switchIfEmpty(Mono.defer(() -> whyNot(token, user)))
				.flatMap((granted) -> this.memberships.join(userId, granted.organizationId(), granted.role()))));
	}

	/**
	 * The organization's invitations that can still be accepted (neither used nor
	 * expired), oldest first.
	 */
	public Flux<Invitation> pending(String organizationId) {
		return this.store.findPending(organizationId);
	}

	/**
	 * Withdraws a pending invitation, so its link stops working; answers whether the
	 * organization had one with this id (a used or expired invitation is no longer
	 * pending). Runs in the caller's transaction, if any.
	 */
	public Mono<Boolean> revoke(String organizationId, String id) {
		return this.store.deletePending(organizationId, id);
	}

	/** Why the invitation could not be claimed by {@code user}; always an error. */
	private Mono<OrganizationRole> whyNot(String token, User user) {
		return findPending(token).flatMap((pending) -> {
			if (!pending.email().equalsIgnoreCase(user.email())) {
				return Mono.error(new InvitationException(InvitationException.Reason.WRONG_RECIPIENT));
			}
			// pending and for this user, yet not claimed: another acceptance of the same
			// link claimed it between the two statements and has committed since
			return Mono.error(new InvitationException(InvitationException.Reason.USED));
		});
	}

	private Mono<InvitationStore.Stored> stored(String token) {
		if (!token.startsWith(TOKEN_PREFIX)) {
			return Mono.error(new InvitationException(InvitationException.Reason.UNKNOWN));
		}
		return this.store.findByTokenHash(OpaqueTokens.hash(token))
			.switchIfEmpty(Mono.error(() -> new InvitationException(InvitationException.Reason.UNKNOWN)));
	}

	private Mono<Void> send(Invitation invitation, @Nullable String invitedByUserId, String token) {
		Mono<Optional<String>> inviter = (invitedByUserId != null)
				? this.users.findById(invitedByUserId).map(Invitations::describe).map(Optional::of) : Mono.empty();
		return inviter.defaultIfEmpty(Optional.empty()).flatMap((name) -> {
			Email email = InvitationEmail.of(invitation, name.orElse(null), this.writ.endpoint(PATH_PREFIX + token));
			return this.mailer.send(email);
		});
	}

	private static String describe(User user) {
		return (user.name() != null && !user.name().isBlank()) ? user.name() + " (" + user.email() + ")" : user.email();
	}

	/** The address without surrounding white space, if it is one. */
	private static String validated(String organizationId, String email, String role) {
		new OrganizationRole(organizationId, role);
		String address = email.strip();
		try {
			InternetAddress parsed = new InternetAddress(address, true);
			// a bare address: no display name, no group, nothing but local@domain
			if (!address.equals(parsed.getAddress()) || !address.contains("@")) {
				throw new AddressException(address);
			}
		}
		catch (AddressException ex) {
			throw new IllegalArgumentException("not an email address");
		}
		return address;
	}

	/** {@code inv_} and 128 random bits: unguessable, so ids can appear in URLs. */
	private static String newId() {
		byte[] bytes = new byte[ID_BYTES];
		RANDOM.nextBytes(bytes);
		return "inv_" + HexFormat.of().formatHex(bytes);
	}

}
