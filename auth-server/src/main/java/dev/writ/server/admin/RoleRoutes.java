package dev.writ.server.admin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The routes of an organization's roles ({@link RolesEndpoint}). */
@Configuration(proxyBeanMethods = false)
class RoleRoutes {

	@Bean
	RouterFunction<ServerResponse> adminApiRoleRoutes(RolesEndpoint roles) {
		RouterFunctions.Builder routes = RouterFunctions.route()
			.GET(RolesEndpoint.ROLES, roles::list)
			.POST(RolesEndpoint.ROLES, roles::create)
			.GET(RolesEndpoint.ROLE, roles::get)
			.PUT(RolesEndpoint.ROLE, roles::update)
			.DELETE(RolesEndpoint.ROLE, roles::delete);
		AdminApi.allow(routes, RolesEndpoint.ROLES, HttpMethod.GET, HttpMethod.POST);
		return AdminApi.allow(routes, RolesEndpoint.ROLE, HttpMethod.GET, HttpMethod.PUT, HttpMethod.DELETE).build();
	}

}
