package dev.writ.server.oauth2.authorization;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProofKeyTests {

	// RFC 7636 Appendix B
	private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

	private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

	@Test
	void verifiesWhenRfcExampleThenTrue() {
		assertThat(ProofKey.verifies(VERIFIER, CHALLENGE)).isTrue();
	}

	@Test
	void verifiesWhenOtherVerifierThenFalse() {
		assertThat(ProofKey.verifies(VERIFIER.replace('d', 'e'), CHALLENGE)).isFalse();
	}

	@Test
	void verifiesWhenVerifierMissingTooShortOrWithBadCharactersThenFalse() {
		assertThat(ProofKey.verifies(null, CHALLENGE)).isFalse();
		assertThat(ProofKey.verifies("short", CHALLENGE)).isFalse();
		assertThat(ProofKey.verifies(VERIFIER + "+", CHALLENGE)).isFalse();
		assertThat(ProofKey.verifies("a".repeat(129), CHALLENGE)).isFalse();
	}

	@Test
	void verifiesWhenPlainMethodWouldMatchThenFalse() {
		// the verifier itself as the challenge: what plain would accept
		assertThat(ProofKey.verifies(VERIFIER, VERIFIER)).isFalse();
	}

	@Test
	void isS256ChallengeWhenWellFormedThenTrue() {
		assertThat(ProofKey.isS256Challenge(CHALLENGE)).isTrue();
		assertThat(ProofKey.isS256Challenge(CHALLENGE + "x")).isFalse();
		assertThat(ProofKey.isS256Challenge("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM")).isFalse();
	}

}
