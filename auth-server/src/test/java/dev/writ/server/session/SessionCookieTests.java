package dev.writ.server.session;

import java.net.URI;
import java.time.Duration;

import dev.writ.server.WritProperties;
import org.junit.jupiter.api.Test;

import org.springframework.http.ResponseCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The attributes of the session cookie, and what counts as one in a request. */
class SessionCookieTests {

	private static SessionCookie cookie(String issuer, String name) {
		return new SessionCookie(new SessionProperties(Duration.ofMinutes(30), Duration.ofHours(10), name),
				new WritProperties(URI.create(issuer)));
	}

	private static ResponseCookie written(SessionCookie cookie, String secret) {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/login"));
		cookie.write(exchange, secret);
		return exchange.getResponse().getCookies().getFirst(cookie.name());
	}

	@Test
	void writeWhenHttpIssuerThenHttpOnlyLaxSessionCookieWithoutSecure() {
		String secret = SessionSecrets.newSecret();
		ResponseCookie written = written(cookie("http://localhost:9000", "writ_session"), secret);
		assertThat(written.getValue()).isEqualTo(secret);
		assertThat(written.isHttpOnly()).isTrue();
		assertThat(written.getSameSite()).isEqualTo("Lax");
		assertThat(written.getPath()).isEqualTo("/");
		assertThat(written.getDomain()).isNull();
		assertThat(written.isSecure()).isFalse();
		assertThat(written.getMaxAge().isNegative()).as("no Max-Age: a browser-session cookie").isTrue();
	}

	@Test
	void writeWhenHttpsIssuerThenSecure() {
		ResponseCookie written = written(cookie("https://id.example.com", "writ_session"), SessionSecrets.newSecret());
		assertThat(written.isSecure()).isTrue();
		assertThat(written.isHttpOnly()).isTrue();
		assertThat(written.getSameSite()).isEqualTo("Lax");
	}

	@Test
	void writeWhenHostPrefixUnderHttpsThenHostCookieRules() {
		ResponseCookie written = written(cookie("https://id.example.com", "__Host-writ_session"),
				SessionSecrets.newSecret());
		assertThat(written.toString()).startsWith("__Host-writ_session=")
			.contains("; Path=/")
			.contains("; Secure")
			.doesNotContain("Domain");
	}

	@Test
	void constructorWhenPrefixedNameUnderHttpIssuerThenFailsNamingTheProperty() {
		assertThatIllegalArgumentException().isThrownBy(() -> cookie("http://localhost:9000", "__Host-writ_session"))
			.withMessageContaining("writ.session.cookie-name");
	}

	@Test
	void clearWhenCalledThenExpiresTheCookieWithTheSameAttributes() {
		SessionCookie cookie = cookie("https://id.example.com", "writ_session");
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/logout"));
		cookie.clear(exchange);
		ResponseCookie cleared = exchange.getResponse().getCookies().getFirst("writ_session");
		assertThat(cleared.getValue()).isEmpty();
		assertThat(cleared.getMaxAge()).isEqualTo(Duration.ZERO);
		assertThat(cleared.getPath()).isEqualTo("/");
		assertThat(cleared.isSecure()).isTrue();
	}

	@Test
	void readWhenWellFormedSecretThenReturnsIt() {
		String secret = SessionSecrets.newSecret();
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/account")
			.cookie(new org.springframework.http.HttpCookie("writ_session", secret)));
		assertThat(cookie("http://localhost:9000", "writ_session").read(exchange)).isEqualTo(secret);
	}

	@Test
	void readWhenNoCookieOrMalformedValueThenNull() {
		SessionCookie cookie = cookie("http://localhost:9000", "writ_session");
		assertThat(cookie.read(MockServerWebExchange.from(MockServerHttpRequest.get("/account")))).isNull();
		for (String value : new String[] { "", "short", SessionSecrets.newSecret() + "x",
				SessionSecrets.newSecret().substring(1) + "=", SessionSecrets.newSecret().substring(1) + "+" }) {
			MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/account")
				.cookie(new org.springframework.http.HttpCookie("writ_session", value)));
			assertThat(cookie.read(exchange)).as(value).isNull();
		}
	}

}
