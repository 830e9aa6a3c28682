package dev.writ.server.org;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A member of an organization, as its administrators see them.
 *
 * @param userId the user's id
 * @param email the user's email address
 * @param name the user's display name, or {@code null}
 * @param role the member's role in the organization
 * @param joinedAt when the membership began
 */
public record Member(String userId, String email, @Nullable String name, String role, Instant joinedAt) {

}
