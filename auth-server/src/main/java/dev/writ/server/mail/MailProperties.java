package dev.writ.server.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What Writ's emails say about their sender. The SMTP server itself (host, port, TLS,
 * credentials) is Spring Boot's {@code spring.mail.*}; these are Writ's own settings
 * beside it.
 *
 * @param from the {@code From} of every email (RFC 5322 §3.6.2), a mailbox with an
 * optional display name such as {@code Writ <no-reply@example.com>}. The default names no
 * real domain, so production sets one that the SMTP server may send for (SPF, DKIM), or
 * mail is likely to be rejected or filed as spam.
 */
@ConfigurationProperties("writ.mail")
public record MailProperties(@DefaultValue("Writ <no-reply@localhost>") String from) {

	public MailProperties {
		try {
			new InternetAddress(from, true);
		}
		catch (AddressException ex) {
			throw new IllegalArgumentException("writ.mail.from must be an email address, but is '" + from + "'", ex);
		}
	}

	/** The sender as a parsed address, its display name kept. */
	InternetAddress fromAddress() {
		try {
			return new InternetAddress(this.from, true);
		}
		catch (AddressException ex) {
			throw new IllegalStateException("checked when the properties were bound", ex);
		}
	}

}
