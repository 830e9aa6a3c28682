package dev.writ.server.session;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.MethodNotAllowedException;

import reactor.core.publisher.Mono;

/** Where the session API listens, and with which methods. */
@Configuration(proxyBeanMethods = false)
class SessionRoutes {

	@Bean
	RouterFunction<ServerResponse> sessionApiRoutes(SessionApi api) {
		return RouterFunctions.route()
			.GET(SessionApi.PATH, api::list)
			.POST(SessionApi.SIGN_OUT_EVERYWHERE_PATH, api::signOutEverywhere)
			.DELETE(SessionApi.PATH + "/{id}", api::revoke)
			.route(RequestPredicates.path(SessionApi.PATH), (request) -> notAllowed(request, HttpMethod.GET))
			.route(RequestPredicates.path(SessionApi.SIGN_OUT_EVERYWHERE_PATH),
					(request) -> notAllowed(request, HttpMethod.POST))
			.route(RequestPredicates.path(SessionApi.PATH + "/{id}"),
					(request) -> notAllowed(request, HttpMethod.DELETE))
			.build();
	}

	/** RFC 9110 §15.5.6: 405 with {@code Allow}, not 404. */
	private static Mono<ServerResponse> notAllowed(ServerRequest request, HttpMethod allowed) {
		return Mono.error(new MethodNotAllowedException(request.method(), Set.of(allowed)));
	}

}
