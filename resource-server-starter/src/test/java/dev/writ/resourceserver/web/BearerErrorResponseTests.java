package dev.writ.resourceserver.web;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

class BearerErrorResponseTests {

	@Test
	void challengeWhenNoErrorThenBareBearer() {
		assertThat(new BearerErrorResponse(HttpStatus.UNAUTHORIZED, null, "needed", null).challenge())
			.isEqualTo("Bearer");
	}

	@Test
	void challengeWhenScopeKnownThenNamesIt() {
		assertThat(new BearerErrorResponse(HttpStatus.FORBIDDEN, "insufficient_scope", "needs a:b", "a:b").challenge())
			.isEqualTo("Bearer error=\"insufficient_scope\", error_description=\"needs a:b\", scope=\"a:b\"");
	}

	@Test
	void challengeWhenDescriptionHasQuotesOrNonAsciiThenReplaced() {
		// RFC 6750 §3: quotes, backslashes and characters outside printable ASCII may not
		// appear.
		assertThat(new BearerErrorResponse(HttpStatus.UNAUTHORIZED, "invalid_token", "bad \"kid\" \\ é\n", null)
			.challenge()).isEqualTo("Bearer error=\"invalid_token\", error_description=\"bad 'kid' ' ''\"");
	}

	@Test
	void bodyWhenNoErrorThenUnauthorizedCode() {
		assertThat(new BearerErrorResponse(HttpStatus.UNAUTHORIZED, null, "needed", null).body())
			.isEqualTo("{\"error\":\"unauthorized\",\"error_description\":\"needed\"}");
	}

	@Test
	void bodyWhenDescriptionHasQuotesThenEscaped() {
		assertThat(new BearerErrorResponse(HttpStatus.UNAUTHORIZED, "invalid_token", "bad \"kid\"", null).body())
			.isEqualTo("{\"error\":\"invalid_token\",\"error_description\":\"bad \\\"kid\\\"\"}");
	}

}
