package dev.writ.demo.browser;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The client's side of a browser journey: a loopback HTTP server (RFC 8252 §7.3) whose
 * {@code /callback} records the query the authorization server redirected the browser
 * with, and answers a small "Signed in" page. Other paths can serve fixed pages, for
 * tests of the browser itself.
 * <p>
 * Built on the JDK's {@link HttpServer}, whose threads are ordinary ones, so neither it
 * nor a test waiting in {@link #awaitCallback(Duration)} runs on an event loop.
 */
public final class CallbackServer implements AutoCloseable {

	/** The path the authorization server redirects to. */
	public static final String CALLBACK_PATH = "/callback";

	private static final String SIGNED_IN = """
			<!doctype html>
			<html lang="en"><head><meta charset="utf-8"><title>Signed in</title></head>
			<body><h1>Signed in</h1><p>You can close this window.</p></body></html>
			""";

	private final HttpServer server;

	private final BlockingQueue<String> queries = new LinkedBlockingQueue<>();

	private CallbackServer(HttpServer server) {
		this.server = server;
	}

	/** Starts a server on 127.0.0.1 and a free port. */
	public static CallbackServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			CallbackServer callbacks = new CallbackServer(server);
			server.createContext(CALLBACK_PATH, callbacks::callback);
			server.start();
			return callbacks;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The redirect URI to register: {@code http://127.0.0.1:<port>/callback}, an IP
	 * literal rather than {@code localhost} as RFC 8252 §8.3 recommends.
	 */
	public String callbackUri() {
		return url(CALLBACK_PATH);
	}

	/** This server's URL for {@code path}. */
	public String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	/** Serves {@code html} at {@code path}, for any method. */
	public void serve(String path, String html) {
		this.server.createContext(path, (exchange) -> respond(exchange, html));
	}

	/**
	 * Waits for the next request to {@code /callback} and returns its query parameters,
	 * decoded, in order.
	 * @throws AssertionError if none arrives within {@code timeout}, or the query repeats
	 * a parameter (RFC 6749 §3.1 forbids it)
	 */
	public Map<String, String> awaitCallback(Duration timeout) {
		String query;
		try {
			query = this.queries.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted while waiting for " + callbackUri(), ex);
		}
		if (query == null) {
			throw new AssertionError("No request to " + callbackUri() + " within " + timeout);
		}
		return parse(query);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void callback(HttpExchange exchange) throws IOException {
		// a context matches every path it prefixes
		if (!CALLBACK_PATH.equals(exchange.getRequestURI().getPath())) {
			exchange.sendResponseHeaders(404, -1);
			exchange.close();
			return;
		}
		String query = exchange.getRequestURI().getRawQuery();
		this.queries.add((query != null) ? query : "");
		respond(exchange, SIGNED_IN);
	}

	private static void respond(HttpExchange exchange, String html) throws IOException {
		byte[] body = html.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
		exchange.getResponseHeaders().set("Cache-Control", "no-store");
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private Map<String, String> parse(String query) {
		Map<String, String> parameters = new LinkedHashMap<>();
		for (String pair : query.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = decode((equals < 0) ? pair : pair.substring(0, equals));
			String value = (equals < 0) ? "" : decode(pair.substring(equals + 1));
			if (parameters.putIfAbsent(name, value) != null) {
				throw new AssertionError("Parameter '" + name + "' repeated in " + callbackUri() + "?" + query);
			}
		}
		return Collections.unmodifiableMap(parameters);
	}

	private static String decode(String encoded) {
		return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
	}

}
