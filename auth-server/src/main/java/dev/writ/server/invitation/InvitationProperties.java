package dev.writ.server.invitation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Invitations to join an organization.
 *
 * @param timeToLive how long an invitation link can be used after it was sent. Seven
 * days, as GitHub's organization invitations: long enough to outlast a holiday weekend in
 * someone's inbox, short enough that a forgotten link in an old mailbox is soon worth
 * nothing. At least one minute.
 */
@ConfigurationProperties("writ.invitation")
public record InvitationProperties(@DefaultValue("7d") Duration timeToLive) {

	public InvitationProperties {
		if (timeToLive.compareTo(Duration.ofMinutes(1)) < 0) {
			throw new IllegalArgumentException("writ.invitation.time-to-live must be at least 1m");
		}
	}

}
