/**
 * Invitations to join an organization by email.
 *
 * <p>
 * {@link dev.writ.server.invitation.Invitations} creates an invitation (PostgreSQL
 * {@code invitations}, keeping only the SHA-256 of the link's token), emails its link
 * through {@link dev.writ.server.mail.Mailer}, and accepts it at most once, adding the
 * membership in the same transaction. Whatever makes a link unusable is an
 * {@link dev.writ.server.invitation.InvitationException} with its reason.
 */
@NullMarked
package dev.writ.server.invitation;

import org.jspecify.annotations.NullMarked;
