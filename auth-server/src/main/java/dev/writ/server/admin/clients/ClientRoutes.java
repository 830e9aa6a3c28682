package dev.writ.server.admin.clients;

import dev.writ.server.admin.AdminApi;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Where the clients part of the admin API listens, and with which methods. */
@Configuration(proxyBeanMethods = false)
class ClientRoutes {

	@Bean
	RouterFunction<ServerResponse> clientApiRoutes(ClientsApi clients) {
		RouterFunctions.Builder routes = RouterFunctions.route()
			.GET(ClientsApi.PATH, clients::list)
			.POST(ClientsApi.PATH, clients::create)
			.GET(ClientsApi.ONE, clients::get)
			.PATCH(ClientsApi.ONE, clients::update)
			.DELETE(ClientsApi.ONE, clients::delete)
			.POST(ClientsApi.SECRET, clients::rotateSecret);
		AdminApi.allow(routes, ClientsApi.PATH, HttpMethod.GET, HttpMethod.POST);
		AdminApi.allow(routes, ClientsApi.ONE, HttpMethod.GET, HttpMethod.PATCH, HttpMethod.DELETE);
		AdminApi.allow(routes, ClientsApi.SECRET, HttpMethod.POST);
		return routes.build();
	}

}
