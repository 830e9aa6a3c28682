package dev.writ.server.web;

import java.util.List;
import java.util.Map;

import dev.writ.server.session.BrowserSession;
import dev.writ.server.session.CsrfTokens;
import dev.writ.server.session.CurrentSession;
import dev.writ.server.test.TestAuthServer;

import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Page-like routes under the browser paths, until the real pages exist, and one server
 * with an https issuer that has them. Deliberately not a {@code @Configuration}: the
 * component scan of every test server would pick it up; it is added only as a source of
 * {@link #server()}.
 */
public class TestPages {

	/** A page with a form and a policy of its own; its POST echoes the field "note". */
	public static final String PAGE = "/account/test-page";

	/** Signs in the user named by the query parameter {@code user}. */
	public static final String SIGN_IN = "/account/test-sign-in";

	/** Signs this browser out; answers the id of the session that ended, or "none". */
	public static final String SIGN_OUT = "/account/test-sign-out";

	/** The policy {@link #PAGE} sets: it lets its form post to a client. */
	public static final String PAGE_POLICY = "default-src 'none'; form-action 'self' https://client.example; "
			+ "frame-ancestors 'none'";

	private static TestAuthServer server;

	/** The server, started on first use and shared by the JVM's test classes. */
	public static synchronized TestAuthServer server() {
		if (server == null) {
			server = TestAuthServer
				.start(Map.of("writ.issuer", "https://id.writ.test", "spring.main.sources", TestPages.class.getName()));
			Runtime.getRuntime().addShutdownHook(new Thread(server::close, "test-pages-server-shutdown"));
		}
		return server;
	}

	@Bean
	RouterFunction<ServerResponse> testPageRoutes(CurrentSession currentSession) {
		return RouterFunctions.route()
			.GET(PAGE,
					(request) -> CsrfTokens.of(request.exchange())
						.flatMap((token) -> ServerResponse.ok()
							.contentType(MediaType.TEXT_HTML)
							.header("Content-Security-Policy", PAGE_POLICY)
							.bodyValue("<form method=\"post\"><input type=\"hidden\" name=\"" + token.getParameterName()
									+ "\" value=\"" + token.getToken() + "\"></form>")))
			.POST(PAGE,
					(request) -> request.formData()
						.flatMap((form) -> ServerResponse.ok().bodyValue("accepted " + form.getFirst("note"))))
			.POST(SIGN_IN,
					(request) -> currentSession
						.signIn(request.exchange(), request.queryParam("user").orElseThrow(), List.of("pwd"))
						.flatMap((session) -> ServerResponse.ok().bodyValue(session.id())))
			.POST(SIGN_OUT,
					(request) -> currentSession.signOut(request.exchange())
						.map(BrowserSession::id)
						.defaultIfEmpty("none")
						.flatMap((id) -> ServerResponse.ok().bodyValue(id)))
			.build();
	}

}
