package dev.writ.server.session;

import dev.writ.server.WritProperties;

import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The cookie that carries a session's secret: {@code HttpOnly} (scripts never see it),
 * {@code SameSite=Lax} (sent on top-level navigations from a client, as the authorization
 * request is, but not on cross-site form posts or subrequests), {@code Path=/}, no
 * {@code Domain} (this host only), and {@code Secure} whenever the issuer is https.
 *
 * <p>
 * It has no {@code Max-Age}: it is a browser-session cookie, gone when the browser closes
 * (on a shared computer, that signs the user out), while the server alone decides how
 * long the session lives, so a stolen or restored cookie is no older than its session's
 * idle and absolute limits allow.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6265#section-4.1">RFC 6265 §4.1</a>
 */
@Component
public final class SessionCookie {

	private final String name;

	private final boolean secure;

	SessionCookie(SessionProperties properties, WritProperties writ) {
		this.name = properties.cookieName();
		this.secure = "https".equals(writ.issuer().getScheme());
		// RFC 6265bis §4.1.3: browsers drop prefixed cookies set without Secure.
		if (!this.secure && (this.name.startsWith("__Host-") || this.name.startsWith("__Secure-"))) {
			throw new IllegalArgumentException("writ.session.cookie-name '" + this.name
					+ "' has a prefix that needs Secure cookies, but writ.issuer is not https");
		}
	}

	/** Sets the cookie to {@code secret}. */
	public void write(ServerWebExchange exchange, String secret) {
		exchange.getResponse().addCookie(cookie(secret).build());
	}

	/** Tells the browser to forget the cookie. */
	public void clear(ServerWebExchange exchange) {
		exchange.getResponse().addCookie(cookie("").maxAge(0).build());
	}

	/**
	 * The secret the request carries, or {@code null} when it has none that could be a
	 * session secret.
	 */
	@Nullable
	public String read(ServerWebExchange exchange) {
		HttpCookie cookie = exchange.getRequest().getCookies().getFirst(this.name);
		if (cookie == null || !SessionSecrets.isWellFormed(cookie.getValue())) {
			return null;
		}
		return cookie.getValue();
	}

	public String name() {
		return this.name;
	}

	private ResponseCookie.ResponseCookieBuilder cookie(String value) {
		return ResponseCookie.from(this.name, value).httpOnly(true).sameSite("Lax").path("/").secure(this.secure);
	}

}
