package dev.writ.server.oauth2.token;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

import dev.writ.server.protocol.OAuth2Exception;

/**
 * RFC 8707 resource indicators at the token endpoint: the {@code resource} parameters of
 * a token request name the protected resources the access token is for, and so its
 * {@code aud}. A client that holds a grant for several APIs asks for a token per API, so
 * no API can replay a token it received at another.
 */
final class ResourceIndicators {

	static final String RESOURCE = "resource";

	private ResourceIndicators() {
	}

	/**
	 * The audiences of the access token: the {@code resources} requested, each of which
	 * must be among {@code permitted} (§2: otherwise {@code invalid_target}); without
	 * any, {@code defaults}.
	 */
	static List<String> audiences(List<String> resources, List<String> permitted, List<String> defaults) {
		for (String resource : resources) {
			if (!isAbsoluteWithoutFragment(resource)) {
				throw OAuth2Exception.invalidTarget("resource must be an absolute URI without a fragment");
			}
			if (!permitted.contains(resource)) {
				throw OAuth2Exception.invalidTarget("the grant does not cover the resource '" + resource + "'");
			}
		}
		return resources.isEmpty() ? defaults : resources.stream().distinct().toList();
	}

	private static boolean isAbsoluteWithoutFragment(String value) {
		try {
			URI uri = new URI(value);
			return uri.isAbsolute() && uri.getFragment() == null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
