package dev.writ.server.admin;

import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.MethodNotAllowedException;

import reactor.core.publisher.Mono;

/**
 * Where the admin API lives. Every part of it is a {@code RouterFunction} bean of its own
 * for its paths below {@value #PATH} (Spring combines them); a path answers 405 with
 * {@code Allow} to a method it does not serve ({@link #allow}). The security chain for
 * {@value #PATH}{@code /**} makes every error an RFC 9457 problem, and the OpenAPI
 * document at {@value #OPENAPI_PATH} must describe every route: a test compares them.
 */
public final class AdminApi {

	public static final String PATH = "/admin/api";

	public static final String OPENAPI_PATH = PATH + "/openapi.json";

	private AdminApi() {
	}

	/**
	 * Adds to {@code routes} that {@code path} answers any other method than
	 * {@code methods} with 405 (RFC 9110 §15.5.6), not 404. Add it after the path's own
	 * routes.
	 */
	public static RouterFunctions.Builder allow(RouterFunctions.Builder routes, String path, HttpMethod... methods) {
		Set<HttpMethod> allowed = Set.of(methods);
		return routes.route(RequestPredicates.path(path),
				(request) -> Mono.<ServerResponse>error(new MethodNotAllowedException(request.method(), allowed)));
	}

}
