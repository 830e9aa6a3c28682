package dev.writ.server;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the authorization server as a whole.
 *
 * @param issuer the issuer identifier (RFC 8414 §2): the {@code iss} of every token and
 * the base of every endpoint URL in the metadata, so it must be the address clients reach
 * the server at. Defaults to the local address the demo runs on.
 */
@ConfigurationProperties("writ")
public record WritProperties(@DefaultValue("http://localhost:9000") URI issuer) {

	public WritProperties {
		// RFC 8414 §2: an https URL (http is tolerated for development) with no query or
		// fragment.
		boolean web = "https".equals(issuer.getScheme()) || "http".equals(issuer.getScheme());
		if (!web || issuer.getHost() == null || issuer.getQuery() != null || issuer.getFragment() != null) {
			throw new IllegalArgumentException(
					"writ.issuer must be an http(s) URL without query or fragment, but is '" + issuer + "'");
		}
		String text = issuer.toString();
		if (text.endsWith("/")) {
			issuer = URI.create(text.substring(0, text.length() - 1));
		}
	}

	/** The absolute URL of an endpoint at {@code path} below the issuer. */
	public String endpoint(String path) {
		return this.issuer + path;
	}

}
