package dev.writ.server.oauth2.authorization;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedirectUrisTests {

	@Test
	void isRegisteredWhenExactlyTheSameThenTrue() {
		assertThat(RedirectUris.isRegistered("https://app.test/cb", Set.of("https://app.test/cb"))).isTrue();
	}

	@Test
	void isRegisteredWhenOnlyCaseOrTrailingSlashDiffersThenFalse() {
		Set<String> registered = Set.of("https://app.test/cb");
		assertThat(RedirectUris.isRegistered("https://APP.test/cb", registered)).isFalse();
		assertThat(RedirectUris.isRegistered("https://app.test/cb/", registered)).isFalse();
		assertThat(RedirectUris.isRegistered("https://app.test/cb?x=1", registered)).isFalse();
		assertThat(RedirectUris.isRegistered("https://app.test:443/cb", registered)).isFalse();
	}

	@Test
	void isRegisteredWhenLoopbackIpWithAnotherPortThenTrue() {
		Set<String> registered = Set.of("http://127.0.0.1:3000/callback", "http://[::1]/cb");
		assertThat(RedirectUris.isRegistered("http://127.0.0.1:51234/callback", registered)).isTrue();
		assertThat(RedirectUris.isRegistered("http://127.0.0.1/callback", registered)).isTrue();
		assertThat(RedirectUris.isRegistered("http://[::1]:8080/cb", registered)).isTrue();
	}

	@Test
	void isRegisteredWhenLoopbackWithAnotherPathHostOrSchemeThenFalse() {
		Set<String> registered = Set.of("http://127.0.0.1:3000/callback");
		assertThat(RedirectUris.isRegistered("http://127.0.0.1:4000/other", registered)).isFalse();
		assertThat(RedirectUris.isRegistered("http://127.0.0.2:3000/callback", registered)).isFalse();
		assertThat(RedirectUris.isRegistered("https://127.0.0.1:4000/callback", registered)).isFalse();
		assertThat(RedirectUris.isRegistered("http://127.0.0.1:4000/callback#x", registered)).isFalse();
		assertThat(RedirectUris.isRegistered("http://evil@127.0.0.1:4000/callback", registered)).isFalse();
	}

	@Test
	void isRegisteredWhenLocalhostWithAnotherPortThenFalse() {
		// RFC 8252 §8.3: the port freedom is for loopback IP literals only
		assertThat(RedirectUris.isRegistered("http://localhost:4000/cb", Set.of("http://localhost:3000/cb"))).isFalse();
	}

	@Test
	void isRegisteredWhenNotAUriThenFalse() {
		assertThat(RedirectUris.isRegistered("http://127.0.0.1:3000/a b", Set.of("http://127.0.0.1:3000/a"))).isFalse();
	}

}
