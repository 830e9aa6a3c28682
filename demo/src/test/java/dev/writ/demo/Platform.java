package dev.writ.demo;

import java.time.Duration;
import java.time.Instant;

import dev.writ.demo.JsonCall.Answer;

/**
 * demo-admin, the platform's operator, calling the admin API: it prepares what the role
 * table's cells act on and looks at what they did, with a client_credentials token it
 * renews before the token's five minutes are up.
 */
final class Platform {

	private static final Duration RENEW_AFTER = Duration.ofMinutes(4);

	private final DemoStack product;

	private String token;

	private Instant obtained = Instant.EPOCH;

	Platform(DemoStack product) {
		this.product = product;
	}

	Answer send(JsonCall call) {
		return call.send(this.product.authServerUrl(), token());
	}

	synchronized String token() {
		if (this.token == null || Instant.now().isAfter(this.obtained.plus(RENEW_AFTER))) {
			this.obtained = Instant.now();
			this.token = RunningProduct.platformToken(this.product.authServerUrl());
		}
		return this.token;
	}

}
