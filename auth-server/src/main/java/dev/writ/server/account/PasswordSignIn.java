package dev.writ.server.account;

import java.util.Optional;

import dev.writ.server.account.SignInResult.Refused;
import dev.writ.server.account.SignInResult.SignedIn;
import dev.writ.server.account.SignInResult.Throttled;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Signs a user in with an email address and a password, in this order:
 * <ol>
 * <li>the {@link SignInThrottle} decides whether the account and the address may try at
 * all, before any password is checked;</li>
 * <li>the password is verified against the stored hash, or against a dummy hash when
 * there is no account (or it has no password), so that both cost the same time;</li>
 * <li>a disabled account is refused like a wrong password, after the same work.</li>
 * </ol>
 * Every refusal is the same {@link Refused}, so neither the answer nor its timing tells
 * whether an account exists.
 *
 * @see <a href=
 * "https://cheatsheetseries.owasp.org/cheatsheets/Authentication_Cheat_Sheet.html#authentication-and-error-messages">
 * OWASP Authentication Cheat Sheet: authentication and error messages</a>
 */
@Component
public final class PasswordSignIn {

	private static final Refused REFUSED = new Refused();

	private final PasswordCredentials credentials;

	private final PasswordHasher passwordHasher;

	private final SignInThrottle throttle;

	PasswordSignIn(PasswordCredentials credentials, PasswordHasher passwordHasher, SignInThrottle throttle) {
		this.credentials = credentials;
		this.passwordHasher = passwordHasher;
		this.throttle = throttle;
	}

	/**
	 * @param email the address as typed; case and surrounding white space do not matter
	 * @param password the password as typed
	 * @param clientIp the address the attempt comes from (as the server or a trusted
	 * proxy saw it), which the per-address limit counts
	 */
	public Mono<SignInResult> signIn(String email, String password, String clientIp) {
		String address = email.strip();
		return this.throttle.reserve(address, clientIp)
			.flatMap((retryAfter) -> retryAfter.isZero() ? attempt(address, password, clientIp)
					: Mono.just(new Throttled(retryAfter)));
	}

	private Mono<SignInResult> attempt(String email, String password, String clientIp) {
		return this.credentials.findCredentials(email)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((found) -> verify(found, password))
			.flatMap((result) -> (result instanceof SignedIn)
					? this.throttle.succeeded(email, clientIp).thenReturn(result) : Mono.just(result))
			// A store that failed says nothing about the password: the attempt does not
			// count, but the error still reaches the caller.
			.onErrorResume((ex) -> this.throttle.release(email, clientIp)
				.onErrorResume((releaseFailure) -> Mono.empty())
				.then(Mono.error(ex)));
	}

	private Mono<SignInResult> verify(Optional<UserCredentials> found, String password) {
		if (found.isEmpty()) {
			return this.passwordHasher.spendUnknown(password).thenReturn(REFUSED);
		}
		User user = found.get().user();
		return this.passwordHasher.matches(password, found.get().passwordHash())
			.map((matches) -> (matches && !user.disabled()) ? new SignedIn(user) : REFUSED);
	}

}
