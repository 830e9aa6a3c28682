package dev.writ.server.mail;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.RejectedExecutionException;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Sends email through the SMTP server of {@code spring.mail.*}.
 *
 * <p>
 * JavaMail blocks from the first byte to the last (even building a message may read its
 * configuration files), so every email is built and sent on a scheduler of its own, never
 * on an event loop and never on the shared bounded-elastic one, where a slow SMTP server
 * would hold threads everything else waits for. It has {@value #THREADS} threads, as many
 * SMTP conversations as Writ needs at once for the few emails it sends (invitations), and
 * room for {@value #QUEUE_CAPACITY} more per thread to wait (Reactor bounds the queue of
 * each thread); beyond that a send fails at once rather than queueing without bound
 * behind an SMTP server that hangs. (The SMTP timeouts in {@code auth-server.yml} keep
 * one from holding a thread for ever.)
 */
public final class Mailer implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(Mailer.class);

	static final int THREADS = 4;

	static final int QUEUE_CAPACITY = 64;

	@Nullable private final JavaMailSender sender;

	private final MailProperties properties;

	private final Scheduler scheduler;

	/**
	 * @param sender the sender Spring Boot configures when {@code spring.mail.host} is
	 * set, or {@code null}, in which case nothing can be sent
	 */
	Mailer(@Nullable JavaMailSender sender, MailProperties properties) {
		this.sender = sender;
		this.properties = properties;
		this.scheduler = Schedulers.newBoundedElastic(THREADS, QUEUE_CAPACITY, "writ-mail");
		if (sender == null) {
			logger.warn("spring.mail.host is not set: invitations cannot be emailed, and inviting someone fails");
		}
	}

	/** Whether an SMTP server is configured, so that sending can succeed at all. */
	public boolean canSend() {
		return this.sender != null;
	}

	/**
	 * Hands {@code email} to the SMTP server; completes once the server accepted it.
	 * Fails with {@link MailNotSentException} when no server is configured, too many
	 * emails are waiting, or the server could not be reached or refused the email.
	 */
	public Mono<Void> send(Email email) {
		JavaMailSender mailSender = this.sender;
		if (mailSender == null) {
			return Mono.error(MailNotSentException.notConfigured());
		}
		return Mono.fromRunnable(() -> mailSender.send(toMimeMessage(mailSender, email)))
			.subscribeOn(this.scheduler)
			.onErrorMap(RejectedExecutionException.class, (ex) -> MailNotSentException.busy())
			.onErrorMap(MailPreparationException.class, MailNotSentException::malformed)
			.onErrorMap(MailException.class, MailNotSentException::failed)
			.then();
	}

	private MimeMessage toMimeMessage(JavaMailSender mailSender, Email email) {
		MimeMessage message = mailSender.createMimeMessage();
		try {
			// multipart: the text and the HTML as alternatives of one another
			MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
			helper.setFrom(this.properties.fromAddress());
			helper.setTo(email.to());
			helper.setSubject(email.subject());
			helper.setText(email.text(), email.html());
		}
		catch (MessagingException ex) {
			throw new MailPreparationException("the email could not be built", ex);
		}
		return message;
	}

	@Override
	public void destroy() {
		this.scheduler.dispose();
	}

}
