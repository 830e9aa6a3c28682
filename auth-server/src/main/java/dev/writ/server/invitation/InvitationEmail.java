package dev.writ.server.invitation;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import dev.writ.server.mail.Email;
import org.jspecify.annotations.Nullable;

import org.springframework.web.util.HtmlUtils;

/**
 * The email that carries an invitation's link: who invites whom to what, in which role,
 * until when, and what to do with an email one did not expect. Every value in the HTML is
 * escaped: the organization's and the inviter's names are whatever someone typed.
 */
final class InvitationEmail {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private InvitationEmail() {
	}

	/**
	 * @param inviter how to name the person who invited ("Alice (alice@acme.test)"), or
	 * {@code null} when nobody is to be named
	 * @param link the absolute URL of the invitation's page, with its token
	 */
	static Email of(Invitation invitation, @Nullable String inviter, String link) {
		String who = (inviter != null) ? inviter + " invited you" : "You are invited";
		String what = "to join %s on Writ as %s.".formatted(invitation.organizationName(), article(invitation.role()));
		String expires = TIME.format(invitation.expiresAt());
		String text = """
				%s %s

				Accept the invitation: %s

				The link works once, and until %s. If you did not expect this invitation, ignore this email: \
				nothing happens unless the link is used.
				""".formatted(who, what, link, expires);
		String html = """
				<!doctype html>
				<html lang="en"><head><meta charset="utf-8"><title>%s</title></head>
				<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem">
				<p>%s %s</p>
				<p><a href="%s" style="display:inline-block;padding:.6rem 1rem;background:#1f4fd1;color:#fff;\
				text-decoration:none;border-radius:6px">Accept the invitation</a></p>
				<p style="color:#555">The link works once, and until %s. If you did not expect this invitation, \
				ignore this email: nothing happens unless the link is used.</p>
				<p style="color:#555;word-break:break-all">%s</p>
				</body></html>
				""".formatted(escape(subject(invitation)), escape(who), escape(what), escape(link), escape(expires),
				escape(link));
		return new Email(invitation.email(), subject(invitation), text, html);
	}

	private static String subject(Invitation invitation) {
		// a header line: no control character may break it
		return ("Join " + invitation.organizationName() + " on Writ").replaceAll("\\p{Cntrl}", " ");
	}

	/** "an owner", "a member", "an auditor": a role name is a lower-case word. */
	private static String article(String role) {
		return ("aeiou".indexOf(role.charAt(0)) >= 0 ? "an " : "a ") + role;
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text);
	}

}
