package dev.writ.devstack;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What BlockHound must not report in Writ's tests, each entry a read that cannot block in
 * practice: {@code SecureRandom}'s default on Linux refills its buffer from
 * {@code /dev/urandom}, which never blocks once the kernel is seeded, yet is a
 * {@code FileInputStream} read to BlockHound. Token ids and ECDSA signatures need it.
 */
public final class WritBlockHoundIntegration implements BlockHoundIntegration {

	@Override
	public void applyTo(BlockHound.Builder builder) {
		builder.allowBlockingCallsInside("sun.security.provider.NativePRNG$RandomIO", "implNextBytes")
			.allowBlockingCallsInside("sun.security.provider.NativePRNG$RandomIO", "ensureBufferValid");
	}

}
