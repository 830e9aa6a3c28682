package dev.writ.server.admin.clients;

import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.writ.server.admin.ClientRegistration;
import dev.writ.server.admin.JsonBody;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /admin/api/clients} and {@code PATCH
 * /admin/api/clients/{clientId}}: the members of {@link ClientRegistration}, read here
 * for their JSON types only; the rules are {@code ClientRegistrationValidator}'s, checked
 * on the whole registration afterwards. A PATCH follows RFC 7396 merge-patch: a member
 * left out stays as it is, and {@code null} returns it to its default (an empty list, no
 * organization, the server's lifetime).
 */
final class ClientRequest {

	static final Set<String> MEMBERS = Set.of("name", "grantTypes", "tokenEndpointAuthMethod", "redirectUris",
			"postLogoutRedirectUris", "scopes", "defaultScopes", "audiences", "organization", "organizationRole",
			"accessTokenTimeToLive", "refreshTokenIdleTimeToLive", "refreshTokenAbsoluteTimeToLive",
			"refreshTokenWithoutOfflineAccess", "requirePkce", "requireConsent", "jwksUri", "jwks");

	/**
	 * Bounds of what is read at all; the registration's own, tighter limits are checked
	 * with its rules.
	 */
	private static final int MAX_ENTRIES = 1000;

	private static final int MAX_LENGTH = 4096;

	/** Ten years: any lifetime beyond is refused by the rules anyway. */
	private static final Duration MAX_DURATION = Duration.ofDays(3650);

	private final JsonBody body;

	private final List<Consumer<ClientRegistration.Builder>> changes = new ArrayList<>();

	private ClientRequest(JsonBody body) {
		this.body = body;
	}

	/**
	 * The change the body asks for, applied to the registration as it stands (a new
	 * client starts from {@link ClientRegistration#builder()}'s defaults).
	 * @param creating whether {@code name} and {@code grantTypes} are required
	 * @throws dev.writ.server.admin.AdminProblem 400 naming every member of the wrong
	 * type
	 */
	static UnaryOperator<ClientRegistration> parse(JsonBody body, boolean creating) {
		body.allowOnly(MEMBERS);
		ClientRequest request = new ClientRequest(body);
		request.read(creating);
		body.validate();
		List<Consumer<ClientRegistration.Builder>> changes = List.copyOf(request.changes);
		return (registration) -> {
			ClientRegistration.Builder builder = registration.toBuilder();
			changes.forEach((change) -> change.accept(builder));
			return builder.build();
		};
	}

	private void read(boolean creating) {
		if (creating && !this.body.has("name")) {
			this.body.error("name", "is required");
		}
		if (creating && !this.body.has("grantTypes")) {
			this.body.error("grantTypes", "is required");
		}
		String name = notNull("name");
		set("name", (builder) -> builder.name(name));
		String method = notNull("tokenEndpointAuthMethod");
		set("tokenEndpointAuthMethod", (builder) -> builder.tokenEndpointAuthMethod(method));
		List<String> grantTypes = list("grantTypes");
		set("grantTypes", (builder) -> builder.grantTypes(grantTypes));
		List<String> redirectUris = list("redirectUris");
		set("redirectUris", (builder) -> builder.redirectUris(redirectUris));
		List<String> postLogout = list("postLogoutRedirectUris");
		set("postLogoutRedirectUris", (builder) -> builder.postLogoutRedirectUris(postLogout));
		List<String> scopes = list("scopes");
		set("scopes", (builder) -> builder.scopes(scopes));
		List<String> defaultScopes = this.body.strings("defaultScopes", MAX_ENTRIES, MAX_LENGTH);
		set("defaultScopes", (builder) -> builder.defaultScopes(defaultScopes));
		List<String> audiences = list("audiences");
		set("audiences", (builder) -> builder.audiences(audiences));
		String organization = this.body.string("organization", MAX_LENGTH);
		set("organization", (builder) -> builder.organization(organization));
		String role = this.body.string("organizationRole", MAX_LENGTH);
		set("organizationRole", (builder) -> builder.organizationRole(role));
		Duration access = this.body.duration("accessTokenTimeToLive", MAX_DURATION);
		set("accessTokenTimeToLive", (builder) -> builder.accessTokenTimeToLive(access));
		Duration idle = this.body.duration("refreshTokenIdleTimeToLive", MAX_DURATION);
		set("refreshTokenIdleTimeToLive", (builder) -> builder.refreshTokenIdleTimeToLive(idle));
		Duration absolute = this.body.duration("refreshTokenAbsoluteTimeToLive", MAX_DURATION);
		set("refreshTokenAbsoluteTimeToLive", (builder) -> builder.refreshTokenAbsoluteTimeToLive(absolute));
		boolean withoutOfflineAccess = this.body.bool("refreshTokenWithoutOfflineAccess", false);
		set("refreshTokenWithoutOfflineAccess",
				(builder) -> builder.refreshTokenWithoutOfflineAccess(withoutOfflineAccess));
		boolean requirePkce = this.body.bool("requirePkce", true);
		set("requirePkce", (builder) -> builder.requirePkce(requirePkce));
		boolean requireConsent = this.body.bool("requireConsent", true);
		set("requireConsent", (builder) -> builder.requireConsent(requireConsent));
		String jwksUri = this.body.string("jwksUri", MAX_LENGTH);
		set("jwksUri", (builder) -> builder.jwksUri(jwksUri));
		Map<String, Object> jwks = jwks();
		set("jwks", (builder) -> builder.jwks(jwks));
	}

	/** Applies {@code change} when the body has the member. */
	private void set(String member, Consumer<ClientRegistration.Builder> change) {
		if (this.body.has(member)) {
			this.changes.add(change);
		}
	}

	/** A string member that may be left out but has no default to return to. */
	private @Nullable String notNull(String member) {
		if (this.body.isNull(member)) {
			this.body.error(member, "must not be null");
			return null;
		}
		return this.body.string(member, MAX_LENGTH);
	}

	/** A list member; {@code null} is the empty list. */
	private List<String> list(String member) {
		List<String> values = this.body.strings(member, MAX_ENTRIES, MAX_LENGTH);
		return (values != null) ? values : List.of();
	}

	private @Nullable Map<String, Object> jwks() {
		JsonNode jwks = this.body.object("jwks");
		if (jwks == null) {
			return null;
		}
		try {
			return JSONObjectUtils.parse(jwks.toString());
		}
		catch (ParseException ex) {
			this.body.error("jwks", "must be a JSON object");
			return null;
		}
	}

}
