package dev.writ.server.oidc;

import java.util.List;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.writ.server.account.Users;
import dev.writ.server.protocol.BearerCredentials;
import dev.writ.server.protocol.FormParameters;
import dev.writ.server.protocol.NoStoreResponse;
import dev.writ.server.protocol.OAuth2Exception;
import dev.writ.server.protocol.Scope;
import dev.writ.server.token.AccessTokenVerifier;
import dev.writ.server.token.RevocationList;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;

/**
 * The UserInfo endpoint (OpenID Connect Core §5.3): the claims about the user that the
 * access token's scope releases. The token is a bearer token (RFC 6750) in the
 * {@code Authorization} header or, on POST, the form body, never both (§2); it must be
 * current, not revoked, and carry {@code openid}.
 */
@Component
public final class UserInfoEndpoint {

	public static final String PATH = "/userinfo";

	private final AccessTokenVerifier verifier;

	private final RevocationList revocationList;

	private final Users users;

	UserInfoEndpoint(AccessTokenVerifier verifier, RevocationList revocationList, Users users) {
		this.verifier = verifier;
		this.revocationList = revocationList;
		this.users = users;
	}

	public Mono<ServerResponse> handle(ServerRequest request) {
		return token(request).flatMap(this::claims).flatMap(NoStoreResponse::json);
	}

	private Mono<String> token(ServerRequest request) {
		List<String> authorization = request.headers().header(HttpHeaders.AUTHORIZATION);
		String header = authorization.isEmpty() ? null : bearer(authorization);
		boolean form = request.method() == HttpMethod.POST && request.headers()
			.contentType()
			.filter(MediaType.APPLICATION_FORM_URLENCODED::equalsTypeAndSubtype)
			.isPresent();
		Mono<String> body = form ? FormParameters.read(request).mapNotNull((form1) -> form1.get("access_token"))
				: Mono.empty();
		return body.map((fromBody) -> {
			if (header != null || !authorization.isEmpty()) {
				throw OAuth2Exception.invalidRequest("the access token was sent in more than one way");
			}
			return fromBody;
		}).switchIfEmpty(Mono.defer(() -> {
			if (header == null) {
				return Mono
					.error(authorization.isEmpty() ? OAuth2Exception.invalidToken("an access token is required", false)
							: OAuth2Exception.invalidRequest("the Authorization header is not a bearer token"));
			}
			return Mono.just(header);
		}));
	}

	@Nullable
	private static String bearer(List<String> authorization) {
		if (authorization.size() != 1) {
			return null;
		}
		return BearerCredentials.token(authorization.get(0));
	}

	private Mono<Object> claims(String token) {
		return this.verifier.verify(token)
			.filterWhen((claims) -> this.revocationList.isRevoked(claims.getJWTID()).map((revoked) -> !revoked))
			.switchIfEmpty(Mono.error(() -> OAuth2Exception.invalidToken("the access token is not valid", true)))
			.flatMap(this::userClaims);
	}

	private Mono<Object> userClaims(JWTClaimsSet claims) {
		Scope scope = Scope.parse((String) claims.getClaim("scope"));
		if (!scope.contains("openid")) {
			return Mono.error(OAuth2Exception.insufficientScope("openid"));
		}
		return this.users.findById(claims.getSubject())
			.filter((user) -> !user.disabled())
			.switchIfEmpty(Mono.error(() -> OAuth2Exception.invalidToken("the user no longer exists", true)))
			.map((user) -> UserClaims.of(user, scope));
	}

}
