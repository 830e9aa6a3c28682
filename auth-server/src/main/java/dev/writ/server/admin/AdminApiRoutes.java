package dev.writ.server.admin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The admin API's own description; each resource's routes are beans of their own. */
@Configuration(proxyBeanMethods = false)
class AdminApiRoutes {

	@Bean
	RouterFunction<ServerResponse> adminApiDocumentRoutes(OpenApiDocument document) {
		RouterFunctions.Builder routes = RouterFunctions.route().GET(AdminApi.OPENAPI_PATH, document::handle);
		return AdminApi.allow(routes, AdminApi.OPENAPI_PATH, HttpMethod.GET).build();
	}

}
