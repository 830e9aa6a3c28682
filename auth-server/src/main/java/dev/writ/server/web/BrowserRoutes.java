package dev.writ.server.web;

import dev.writ.server.oauth2.authorization.AuthorizationEndpoint;
import dev.writ.server.oidc.EndSessionEndpoint;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Where each page a browser visits listens. */
@Configuration(proxyBeanMethods = false)
class BrowserRoutes {

	@Bean
	RouterFunction<ServerResponse> pageRoutes(AuthorizationPages authorization, SignInPage signIn, LogoutPages logout,
			SessionsPage sessions, InvitationPage invitation) {
		return RouterFunctions.route()
			.GET(AuthorizationEndpoint.PATH, authorization::authorize)
			.POST(AuthorizationEndpoint.PATH, authorization::authorize)
			.POST(AuthorizationPages.CONSENT_PATH, authorization::consent)
			.GET(SignInPage.PATH, signIn::show)
			.POST(SignInPage.PATH, signIn::signIn)
			.GET(EndSessionEndpoint.PATH, logout::endSession)
			.POST(EndSessionEndpoint.PATH, logout::endSession)
			.POST(LogoutPages.CONFIRM_PATH, logout::confirm)
			.GET(SessionsPage.PATH, sessions::show)
			.POST(SessionsPage.PATH + "/{id}/revoke", sessions::revoke)
			.POST(SessionsPage.EVERYWHERE_PATH, sessions::signOutEverywhere)
			.GET(InvitationPage.PATH, invitation::show)
			.POST(InvitationPage.PATH, invitation::accept)
			.build();
	}

}
