package dev.writ.server.event;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ClientAddress}: from a request into the Reactor context and out again. */
class ClientAddressTests {

	@Test
	void ofWhenRequestHasRemoteAddressThenItsHostAddress() {
		MockServerHttpRequest request = MockServerHttpRequest.get("/")
			.remoteAddress(new InetSocketAddress("198.51.100.4", 53211))
			.build();
		assertThat(ClientAddress.of(request)).isEqualTo("198.51.100.4");
	}

	@Test
	void ofWhenUnresolvedRemoteAddressThenItsHostName() {
		MockServerHttpRequest request = MockServerHttpRequest.get("/")
			.remoteAddress(InetSocketAddress.createUnresolved("proxy.internal", 80))
			.build();
		assertThat(ClientAddress.of(request)).isEqualTo("proxy.internal");
	}

	@Test
	void ofWhenNoRemoteAddressThenNull() {
		assertThat(ClientAddress.of(MockServerHttpRequest.get("/").build())).isNull();
	}

	@Test
	void inWhenPutUpstreamThenSeenDownstream() {
		StepVerifier
			.create(Mono.deferContextual((context) -> Mono.justOrEmpty(ClientAddress.in(context)))
				.contextWrite((context) -> ClientAddress.put(context, "2001:db8::1")))
			.expectNext("2001:db8::1")
			.verifyComplete();
	}

	@Test
	void inWhenNothingPutThenNull() {
		assertThat(ClientAddress.in(Context.empty())).isNull();
		assertThat(ClientAddress.in(ClientAddress.put(Context.empty(), null))).isNull();
	}

	@Test
	void compressedWhenRunsOfZeroGroupsThenLongestBecomesDoubleColon() {
		assertThat(ClientAddress.compressed("0:0:0:0:0:0:0:1")).isEqualTo("::1");
		assertThat(ClientAddress.compressed("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
		assertThat(ClientAddress.compressed("2001:db8:0:1:1:1:1:1")).isEqualTo("2001:db8:0:1:1:1:1:1");
		assertThat(ClientAddress.compressed("fe80:0:0:0:1:2:3:4%eth0")).isEqualTo("fe80::1:2:3:4");
		assertThat(ClientAddress.compressed("0:0:0:0:0:0:0:0")).isEqualTo("::");
	}

}
