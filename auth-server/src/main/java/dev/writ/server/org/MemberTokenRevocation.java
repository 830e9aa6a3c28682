package dev.writ.server.org;

import reactor.core.publisher.Mono;

/**
 * Ends what lets a member act in an organization with what they could do there until now:
 * their refresh-token families for it and their live access tokens for it. Called after a
 * change to what the member's role allows has committed, so the next token they get says
 * what the role allows now. Implemented where the tokens are kept, so that this package
 * need not know them.
 */
public interface MemberTokenRevocation {

	Mono<Void> revoke(String userId, String organizationId);

}
