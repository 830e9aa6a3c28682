package dev.writ.server.web;

import java.util.Set;

import dev.writ.server.oauth2.introspection.IntrospectionEndpoint;
import dev.writ.server.oauth2.metadata.AuthorizationServerMetadataEndpoint;
import dev.writ.server.oauth2.revocation.RevocationEndpoint;
import dev.writ.server.oauth2.token.TokenEndpoint;
import dev.writ.server.oidc.UserInfoEndpoint;

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

/** Where each protocol endpoint listens, and with which method. */
@Configuration(proxyBeanMethods = false)
class ProtocolRoutes {

	@Bean
	RouterFunction<ServerResponse> oauth2Routes(TokenEndpoint token, IntrospectionEndpoint introspection,
			RevocationEndpoint revocation, AuthorizationServerMetadataEndpoint metadata, UserInfoEndpoint userInfo) {
		return RouterFunctions.route()
			.POST(TokenEndpoint.PATH, token::handle)
			.POST(IntrospectionEndpoint.PATH, introspection::handle)
			.POST(RevocationEndpoint.PATH, revocation::handle)
			.GET(AuthorizationServerMetadataEndpoint.OAUTH_PATH, metadata::handle)
			.GET(AuthorizationServerMetadataEndpoint.OPENID_PATH, metadata::handle)
			// OpenID Connect Core §5.3: GET and POST
			.GET(UserInfoEndpoint.PATH, userInfo::handle)
			.POST(UserInfoEndpoint.PATH, userInfo::handle)
			.route(RequestPredicates.path(TokenEndpoint.PATH)
				.or(RequestPredicates.path(IntrospectionEndpoint.PATH))
				.or(RequestPredicates.path(RevocationEndpoint.PATH)), ProtocolRoutes::onlyPost)
			.build();
	}

	/**
	 * RFC 9110 §15.5.6: a known endpoint called with another method is 405 with
	 * {@code Allow}, not 404.
	 */
	private static Mono<ServerResponse> onlyPost(ServerRequest request) {
		return Mono.error(new MethodNotAllowedException(request.method(), Set.of(HttpMethod.POST)));
	}

}
