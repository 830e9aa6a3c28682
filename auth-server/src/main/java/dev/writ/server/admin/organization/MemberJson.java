package dev.writ.server.admin.organization;

import java.time.Instant;

import dev.writ.server.org.Member;
import org.jspecify.annotations.Nullable;

/**
 * A member as the admin API shows it.
 *
 * @param userId the user's id
 * @param email their email address
 * @param name their display name, or {@code null}
 * @param role their role in the organization
 * @param joinedAt when they joined
 */
record MemberJson(String userId, String email, @Nullable String name, String role, Instant joinedAt) {

	static MemberJson of(Member member) {
		return new MemberJson(member.userId(), member.email(), member.name(), member.role(), member.joinedAt());
	}

}
