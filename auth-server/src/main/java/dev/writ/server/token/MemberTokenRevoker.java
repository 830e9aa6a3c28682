package dev.writ.server.token;

import dev.writ.server.org.MemberTokenRevocation;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Ends a member's tokens for one organization: their refresh-token families for it die,
 * and every live access token they hold for it goes onto the revocation list (found
 * through {@link UserAccessTokens}, which also reaches tokens no family holds).
 */
@Component
final class MemberTokenRevoker implements MemberTokenRevocation {

	private final RefreshTokenFamilies families;

	private final UserAccessTokens accessTokens;

	MemberTokenRevoker(RefreshTokenFamilies families, UserAccessTokens accessTokens) {
		this.families = families;
		this.accessTokens = accessTokens;
	}

	@Override
	public Mono<Void> revoke(String userId, String organizationId) {
		return Mono.when(this.families.revokeForUserInOrganization(userId, organizationId),
				this.accessTokens.revokeInOrganization(userId, organizationId));
	}

}
