package dev.writ.server.session;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.writ.server.protocol.NoStoreResponse;
import dev.writ.server.protocol.OAuth2Exception;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * The signed-in user's sessions as JSON: list them, end one, end all. Authenticated by
 * the session cookie alone, and CSRF-protected by the browser security chain.
 */
@Component
public final class SessionApi {

	public static final String PATH = "/account/api/sessions";

	public static final String SIGN_OUT_EVERYWHERE_PATH = PATH + "/sign-out-everywhere";

	private final CurrentSession currentSession;

	private final BrowserSessions sessions;

	private final SignOutEverywhere signOutEverywhere;

	SessionApi(CurrentSession currentSession, BrowserSessions sessions, SignOutEverywhere signOutEverywhere) {
		this.currentSession = currentSession;
		this.sessions = sessions;
		this.signOutEverywhere = signOutEverywhere;
	}

	/** {@code GET}: the user's live sessions, newest first, the calling one marked. */
	public Mono<ServerResponse> list(ServerRequest request) {
		return signedIn(request.exchange()).flatMap((current) -> this.sessions.findByUser(current.userId())
			.map((session) -> json(session, session.id().equals(current.id())))
			.collectList()
			.flatMap(NoStoreResponse::json));
	}

	/** {@code DELETE {id}}: 204, or 404 unless it is one of the user's live sessions. */
	public Mono<ServerResponse> revoke(ServerRequest request) {
		String id = request.pathVariable("id");
		ServerWebExchange exchange = request.exchange();
		return signedIn(exchange).flatMap((current) -> this.sessions.revoke(current.userId(), id).flatMap((revoked) -> {
			if (!revoked) {
				return Mono.error(OAuth2Exception.notFound("no such session"));
			}
			if (id.equals(current.id())) {
				this.currentSession.forget(exchange);
			}
			return ServerResponse.noContent().build();
		}));
	}

	/** {@code POST}: 204 once every session of the user, this one included, has ended. */
	public Mono<ServerResponse> signOutEverywhere(ServerRequest request) {
		ServerWebExchange exchange = request.exchange();
		return signedIn(exchange).flatMap((current) -> this.signOutEverywhere.signOut(current.userId())
			.then(Mono.fromRunnable(() -> this.currentSession.forget(exchange)))
			.then(ServerResponse.noContent().build()));
	}

	private Mono<BrowserSession> signedIn(ServerWebExchange exchange) {
		return this.currentSession.of(exchange)
			.switchIfEmpty(Mono.error(() -> OAuth2Exception.loginRequired("sign in first")));
	}

	private static Map<String, Object> json(BrowserSession session, boolean current) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", session.id());
		json.put("device", session.device());
		json.put("ip_address", session.ipAddress());
		json.put("created_at", session.createdAt().toString());
		json.put("last_seen_at", session.lastSeenAt().toString());
		json.put("current", current);
		return json;
	}

}
