package dev.writ.server.mail;

/**
 * An email could not be handed to the SMTP server: none is configured, too many emails
 * are waiting, an address in it is malformed, or the server could not be reached or
 * refused the message. The message never repeats the recipient's address, which is
 * personal data and would end up in logs.
 */
public final class MailNotSentException extends RuntimeException {

	private MailNotSentException(String message, Throwable cause) {
		super(message, cause);
	}

	public static MailNotSentException notConfigured() {
		return new MailNotSentException("no SMTP server is configured (spring.mail.host), so no email can be sent",
				null);
	}

	static MailNotSentException busy() {
		return new MailNotSentException("too many emails are waiting to be sent; retry shortly", null);
	}

	static MailNotSentException malformed(Throwable cause) {
		return new MailNotSentException("the email could not be built: an address in it is malformed", cause);
	}

	static MailNotSentException failed(Throwable cause) {
		return new MailNotSentException("the SMTP server could not be reached or refused the email", cause);
	}

}
