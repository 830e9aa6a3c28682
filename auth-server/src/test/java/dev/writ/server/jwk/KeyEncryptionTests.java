package dev.writ.server.jwk;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@ExtendWith(OutputCaptureExtension.class)
class KeyEncryptionTests {

	private static final byte[] SECRET = "{\"d\":\"private parts\"}".getBytes(StandardCharsets.UTF_8);

	private final KeyEncryption encryption = encryption(SigningKeyNode.ENCRYPTION_KEY);

	@Test
	void openWhenSealedForSameKidThenRoundTrips() {
		byte[] sealed = this.encryption.seal("kid-1", SECRET);
		assertThat(this.encryption.open("kid-1", sealed)).isEqualTo(SECRET);
	}

	@Test
	void sealWhenCalledTwiceThenFreshIvAndNoPlaintext() {
		byte[] first = this.encryption.seal("kid-1", SECRET);
		byte[] second = this.encryption.seal("kid-1", SECRET);
		// 12-byte IV + ciphertext of the same length as the plaintext + 16-byte tag
		assertThat(first).hasSize(12 + SECRET.length + 16);
		assertThat(Arrays.copyOf(first, 12)).isNotEqualTo(Arrays.copyOf(second, 12));
		assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("private parts");
	}

	@Test
	void openWhenSealedForAnotherKidThenFails() {
		byte[] sealed = this.encryption.seal("kid-1", SECRET);
		assertThatIllegalStateException().isThrownBy(() -> this.encryption.open("kid-2", sealed))
			.withMessageContaining("writ.keys.encryption-key");
	}

	@Test
	void openWhenSealedUnderAnotherKeyThenFailsNamingProperty() {
		byte[] sealed = encryption(SigningKeyNode.OTHER_ENCRYPTION_KEY).seal("kid-1", SECRET);
		assertThatIllegalStateException().isThrownBy(() -> this.encryption.open("kid-1", sealed))
			.withMessageContaining("writ.keys.encryption-key");
	}

	@Test
	void openWhenAlteredThenFails() {
		byte[] sealed = this.encryption.seal("kid-1", SECRET);
		sealed[sealed.length - 20] ^= 1;
		assertThatIllegalStateException().isThrownBy(() -> this.encryption.open("kid-1", sealed));
	}

	@Test
	void fingerprintWhenSameKeyThenSameAndRevealsNothing() {
		assertThat(encryption(SigningKeyNode.ENCRYPTION_KEY).fingerprint()).isEqualTo(this.encryption.fingerprint())
			.hasSize(16)
			.isNotEqualTo(encryption(SigningKeyNode.OTHER_ENCRYPTION_KEY).fingerprint());
		String hexKey = HexFormat.of().formatHex(Base64.getDecoder().decode(SigningKeyNode.ENCRYPTION_KEY));
		assertThat(hexKey).doesNotContain(this.encryption.fingerprint());
	}

	@Test
	void fromWhenNoKeyConfiguredThenRandomKeyAndLoudWarning(CapturedOutput output) {
		KeyEncryption first = KeyEncryption.from(SigningKeyNode.properties(Map.of()),
				SigningKeyConfiguration.signingKeyRandom());
		KeyEncryption second = KeyEncryption.from(SigningKeyNode.properties(Map.of()),
				SigningKeyConfiguration.signingKeyRandom());
		assertThat(first.fingerprint()).isNotEqualTo(second.fingerprint());
		assertThat(output).contains("WARN")
			.contains("writ.keys.encryption-key is not set")
			.contains("FOR DEVELOPMENT ONLY")
			.contains("cannot be read");
	}

	private static KeyEncryption encryption(String key) {
		return KeyEncryption.from(SigningKeyNode.properties(Map.of("writ.keys.encryption-key", key)),
				SigningKeyConfiguration.signingKeyRandom());
	}

}
