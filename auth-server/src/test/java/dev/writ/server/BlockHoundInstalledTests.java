package dev.writ.server;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Proves BlockHound watches this test JVM, so that a suite reporting nothing means
 * nothing blocked.
 */
class BlockHoundInstalledTests {

	@Test
	void blockingCallOnNonBlockingThreadThenReported() {
		Mono<Integer> sleepy = Mono.fromCallable(() -> {
			Thread.sleep(1);
			return 1;
		}).subscribeOn(Schedulers.parallel());
		assertThatThrownBy(() -> sleepy.block(Duration.ofSeconds(5))).hasCauseInstanceOf(BlockingOperationError.class);
	}

}
