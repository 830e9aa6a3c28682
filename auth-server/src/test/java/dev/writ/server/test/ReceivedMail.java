package dev.writ.server.test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import static org.awaitility.Awaitility.await;

/**
 * What the test SMTP server (GreenMail) received: the messages for one address, their
 * plain-text and HTML parts, and the invitation link in them.
 */
public final class ReceivedMail {

	private static final Pattern INVITATION_LINK = Pattern.compile("https?://\\S+/invitations/writ_inv_[A-Za-z0-9_-]+");

	private ReceivedMail() {
	}

	/** Waits until {@code address} has received one message, and answers it. */
	public static MimeMessage awaitOne(GreenMailOperations smtp, String address) {
		await().atMost(Duration.ofSeconds(20)).until(() -> to(smtp, address).size() == 1);
		return to(smtp, address).get(0);
	}

	/** The messages {@code address} has received so far. */
	public static List<MimeMessage> to(GreenMailOperations smtp, String address) {
		return smtp.findReceivedMessages((user) -> user.getEmail().equalsIgnoreCase(address), (message) -> true)
			.toList();
	}

	public static String text(MimeMessage message) {
		return part(message, "text/plain");
	}

	public static String html(MimeMessage message) {
		return part(message, "text/html");
	}

	/** The invitation link of the plain-text body. */
	public static String invitationLink(MimeMessage message) {
		Matcher link = INVITATION_LINK.matcher(text(message));
		if (!link.find()) {
			throw new AssertionError("no invitation link in: " + text(message));
		}
		return link.group();
	}

	private static String part(MimeMessage message, String type) {
		try {
			String content = find(message, type);
			if (content == null) {
				throw new AssertionError("no " + type + " part");
			}
			return content;
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String find(Part part, String type) throws MessagingException, IOException {
		if (part.isMimeType(type)) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				String found = find(child, type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

}
