package dev.writ.server.admin.organization;

import dev.writ.server.admin.AdminApi;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Where the organization part of the admin API listens, and with which methods. */
@Configuration(proxyBeanMethods = false)
class OrganizationRoutes {

	@Bean
	RouterFunction<ServerResponse> organizationApiRoutes(OrganizationsApi organizations, MembersApi members,
			InvitationsApi invitations, ApiTokensApi apiTokens, AuditLogApi auditLog) {
		RouterFunctions.Builder routes = RouterFunctions.route()
			.GET(OrganizationsApi.PATH, organizations::list)
			.POST(OrganizationsApi.PATH, organizations::create)
			.GET(OrganizationsApi.ONE, organizations::get)
			.PATCH(OrganizationsApi.ONE, organizations::update)
			.DELETE(OrganizationsApi.ONE, organizations::delete)
			.GET(MembersApi.PATH, members::list)
			.PATCH(MembersApi.ONE, members::changeRole)
			.DELETE(MembersApi.ONE, members::remove)
			.GET(InvitationsApi.PATH, invitations::list)
			.POST(InvitationsApi.PATH, invitations::create)
			.DELETE(InvitationsApi.ONE, invitations::revoke)
			.GET(ApiTokensApi.PATH, apiTokens::list)
			.POST(ApiTokensApi.PATH, apiTokens::create)
			.DELETE(ApiTokensApi.ONE, apiTokens::revoke)
			.GET(AuditLogApi.PATH, auditLog::query);
		AdminApi.allow(routes, OrganizationsApi.PATH, HttpMethod.GET, HttpMethod.POST);
		AdminApi.allow(routes, OrganizationsApi.ONE, HttpMethod.GET, HttpMethod.PATCH, HttpMethod.DELETE);
		AdminApi.allow(routes, MembersApi.PATH, HttpMethod.GET);
		AdminApi.allow(routes, MembersApi.ONE, HttpMethod.PATCH, HttpMethod.DELETE);
		AdminApi.allow(routes, InvitationsApi.PATH, HttpMethod.GET, HttpMethod.POST);
		AdminApi.allow(routes, InvitationsApi.ONE, HttpMethod.DELETE);
		AdminApi.allow(routes, ApiTokensApi.PATH, HttpMethod.GET, HttpMethod.POST);
		AdminApi.allow(routes, ApiTokensApi.ONE, HttpMethod.DELETE);
		AdminApi.allow(routes, AuditLogApi.PATH, HttpMethod.GET);
		return routes.build();
	}

}
