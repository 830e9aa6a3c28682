package dev.writ.server.account;

import reactor.core.publisher.Mono;

/**
 * The one read that returns a password hash, apart from {@link Users} so that nothing
 * outside password sign-in can reach a hash.
 *
 * <p>
 * Contract: empty for an unknown address; addresses compared regardless of case.
 */
interface PasswordCredentials {

	Mono<UserCredentials> findCredentials(String email);

}
