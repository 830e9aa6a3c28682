package dev.writ.server.admin.users;

import dev.writ.server.admin.AdminApi;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Where the users part of the admin API listens, and with which methods. */
@Configuration(proxyBeanMethods = false)
class UserRoutes {

	@Bean
	RouterFunction<ServerResponse> userApiRoutes(UsersApi users) {
		RouterFunctions.Builder routes = RouterFunctions.route()
			.GET(UsersApi.ONE, users::get)
			.POST(UsersApi.DISABLE, users::disable)
			.POST(UsersApi.ENABLE, users::enable);
		AdminApi.allow(routes, UsersApi.ONE, HttpMethod.GET);
		AdminApi.allow(routes, UsersApi.DISABLE, HttpMethod.POST);
		AdminApi.allow(routes, UsersApi.ENABLE, HttpMethod.POST);
		return routes.build();
	}

}
