package dev.writ.server.test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.util.HtmlUtils;

import reactor.netty.http.client.HttpClient;

/**
 * What a browser does with Writ's pages, over real HTTP: keeps cookies, reads forms (with
 * their CSRF field) and posts them back. For protocol tests that need a signed-in user
 * without starting Chromium; the end-to-end tests use the real browser.
 */
public final class HttpBrowser {

	private static final Pattern HIDDEN = Pattern
		.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * A sign-in hashes a password: slow on a loaded machine, so more than the 5 s
	 * default.
	 */
	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final WebTestClient client;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private String userAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";

	private final String baseUrl;

	public HttpBrowser(String baseUrl) {
		this.baseUrl = baseUrl;
		this.client = WebTestClient.bindToServer().baseUrl(baseUrl).responseTimeout(TIMEOUT).build();
	}

	/**
	 * A browser on another machine, as far as the server can tell: its connections come
	 * from {@code localAddress}, another loopback address such as {@code 127.0.0.2}.
	 */
	public HttpBrowser(String baseUrl, String localAddress) {
		this.baseUrl = baseUrl;
		HttpClient http = HttpClient.create().bindAddress(() -> new InetSocketAddress(localAddress, 0));
		this.client = WebTestClient.bindToServer(new ReactorClientHttpConnector(http))
			.baseUrl(baseUrl)
			.responseTimeout(TIMEOUT)
			.build();
	}

	public HttpBrowser userAgent(String userAgent) {
		this.userAgent = userAgent;
		return this;
	}

	public Map<String, String> cookies() {
		return this.cookies;
	}

	public EntityExchangeResult<String> get(String uri) {
		EntityExchangeResult<String> result = this.client.get()
			.uri(URI.create(uri.startsWith("http") ? uri : this.baseUrl + uri))
			.headers(this::headers)
			.exchange()
			.expectBody(String.class)
			.returnResult();
		remember(result);
		return result;
	}

	public EntityExchangeResult<String> post(String path, MultiValueMap<String, String> form) {
		EntityExchangeResult<String> result = this.client.post()
			.uri(path)
			.headers(this::headers)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(form))
			.exchange()
			.expectBody(String.class)
			.returnResult();
		remember(result);
		return result;
	}

	/** Signs in on the sign-in page; answers the response to the form's POST. */
	public EntityExchangeResult<String> signIn(String email, String password) {
		return signIn("/login", email, password);
	}

	public EntityExchangeResult<String> signIn(String signInUri, String email, String password) {
		EntityExchangeResult<String> page = get(signInUri);
		MultiValueMap<String, String> form = hiddenFields(page.getResponseBody());
		form.set("email", email);
		form.set("password", password);
		return post("/login", form);
	}

	/**
	 * Posts the page's form (its hidden fields, CSRF token included) with extra fields.
	 */
	public EntityExchangeResult<String> submit(String page, String action, String... extra) {
		MultiValueMap<String, String> form = hiddenFields(page);
		for (int i = 0; i < extra.length; i += 2) {
			form.set(extra[i], extra[i + 1]);
		}
		return post(action, form);
	}

	public static MultiValueMap<String, String> hiddenFields(String html) {
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		Matcher matcher = HIDDEN.matcher(html);
		while (matcher.find()) {
			fields.add(HtmlUtils.htmlUnescape(matcher.group(1)), HtmlUtils.htmlUnescape(matcher.group(2)));
		}
		return fields;
	}

	/** The Location of a redirect, resolved against the server. */
	public static URI location(EntityExchangeResult<?> result) {
		return result.getResponseHeaders().getLocation();
	}

	/** A fresh PKCE code verifier (RFC 7636 §4.1). */
	public static String codeVerifier() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** Its S256 challenge (RFC 7636 §4.2). */
	public static String s256(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void headers(HttpHeaders headers) {
		headers.set(HttpHeaders.USER_AGENT, this.userAgent);
		headers.setAccept(List.of(MediaType.TEXT_HTML, MediaType.ALL));
		if (!this.cookies.isEmpty()) {
			StringBuilder cookie = new StringBuilder();
			this.cookies.forEach((name,
					value) -> cookie.append(cookie.isEmpty() ? "" : "; ").append(name).append('=').append(value));
			headers.set(HttpHeaders.COOKIE, cookie.toString());
		}
	}

	private void remember(EntityExchangeResult<?> result) {
		for (Map.Entry<String, List<ResponseCookie>> entry : result.getResponseCookies().entrySet()) {
			for (ResponseCookie cookie : entry.getValue()) {
				if (cookie.getMaxAge().isZero() || cookie.getValue().isEmpty()) {
					this.cookies.remove(cookie.getName());
				}
				else {
					this.cookies.put(cookie.getName(), cookie.getValue());
				}
			}
		}
	}

}
