package dev.writ.server.session;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CsrfTokensTests {

	@Test
	void ofWhenPathOutsideTheBrowserChainThenFailsNamingThePath() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/oauth2/token"));
		assertThatIllegalStateException().isThrownBy(() -> CsrfTokens.of(exchange).block())
			.withMessageContaining("/oauth2/token");
	}

}
