package dev.writ.server.web;

import dev.writ.server.oauth2.introspection.IntrospectionEndpoint;
import dev.writ.server.oauth2.metadata.AuthorizationServerMetadataEndpoint;
import dev.writ.server.oauth2.revocation.RevocationEndpoint;
import dev.writ.server.oauth2.token.TokenEndpoint;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Where each protocol endpoint listens, and with which method. */
@Configuration(proxyBeanMethods = false)
class ProtocolRoutes {

	@Bean
	RouterFunction<ServerResponse> oauth2Routes(TokenEndpoint token, IntrospectionEndpoint introspection,
			RevocationEndpoint revocation, AuthorizationServerMetadataEndpoint metadata) {
		return RouterFunctions.route()
			.POST(TokenEndpoint.PATH, token::handle)
			.POST(IntrospectionEndpoint.PATH, introspection::handle)
			.POST(RevocationEndpoint.PATH, revocation::handle)
			.GET(AuthorizationServerMetadataEndpoint.OAUTH_PATH, metadata::handle)
			.GET(AuthorizationServerMetadataEndpoint.OPENID_PATH, metadata::handle)
			.build();
	}

}
