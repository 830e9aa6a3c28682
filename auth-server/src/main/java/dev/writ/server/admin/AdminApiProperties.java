package dev.writ.server.admin;

import java.net.URI;

import dev.writ.server.WritProperties;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Admin API settings.
 *
 * @param audience the admin API's resource identifier (RFC 8707 §2): an access token is
 * accepted only if its {@code aud} names it (RFC 9068 §4), so a token a client obtained
 * for another API cannot be replayed here by that API; clients that administer must have
 * it among their registered audiences. Default: the issuer followed by
 * {@code /admin/api}.
 */
@ConfigurationProperties("writ.admin-api")
public record AdminApiProperties(@Nullable URI audience) {

	public AdminApiProperties {
		if (audience != null && (!audience.isAbsolute() || audience.getFragment() != null)) {
			throw new IllegalArgumentException(
					"writ.admin-api.audience must be an absolute URI without a fragment, but is '" + audience + "'");
		}
	}

	/** The audience tokens must name, with the default applied. */
	public String audience(WritProperties writ) {
		return (this.audience != null) ? this.audience.toString() : writ.endpoint(AdminApi.PATH);
	}

}
