package dev.writ.server.mail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.writ.devstack.FreePorts;
import dev.writ.server.test.ReceivedMail;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.mail.javamail.JavaMailSenderImpl;

import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Sending email to a real SMTP server (GreenMail), off the event loop. */
class MailerTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final MailProperties PROPERTIES = new MailProperties("Writ Test <no-reply@writ.test>");

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	private static JavaMailSenderImpl sender(int port) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
		sender.getJavaMailProperties().put("mail.smtp.timeout", "5000");
		return sender;
	}

	private static Email email(String to) {
		return new Email(to, "Grüße from Writ", "Plain text, with ümlauts.",
				"<!doctype html><p>HTML, with <strong>ümlauts</strong>.</p>");
	}

	@Test
	void sendWhenSmtpServerUpThenTextAndHtmlArriveFromTheConfiguredSender() throws Exception {
		Mailer mailer = new Mailer(sender(smtp.getSmtp().getPort()), PROPERTIES);
		try {
			mailer.send(email("bob@example.test")).block(TIMEOUT);
			MimeMessage received = ReceivedMail.awaitOne(smtp, "bob@example.test");
			assertThat(received.getFrom()).singleElement().isInstanceOfSatisfying(InternetAddress.class, (from) -> {
				assertThat(from.getAddress()).isEqualTo("no-reply@writ.test");
				assertThat(from.getPersonal()).isEqualTo("Writ Test");
			});
			assertThat(received.getAllRecipients()).containsExactly(new InternetAddress("bob@example.test"));
			assertThat(received.getSubject()).isEqualTo("Grüße from Writ");
			assertThat(ReceivedMail.text(received)).isEqualTo("Plain text, with ümlauts.");
			assertThat(ReceivedMail.html(received))
				.isEqualTo("<!doctype html><p>HTML, with <strong>ümlauts</strong>.</p>");
		}
		finally {
			mailer.destroy();
		}
	}

	@Test
	void sendWhenSubscribedOnANonBlockingThreadThenSentOnTheMailScheduler() {
		Mailer mailer = new Mailer(sender(smtp.getSmtp().getPort()), PROPERTIES);
		try {
			// BlockHound fails any blocking call on a parallel (non-blocking) thread
			List<String> threads = new ArrayList<>();
			mailer.send(email("carol@example.test"))
				.doOnSuccess((done) -> threads.add(Thread.currentThread().getName()))
				.subscribeOn(Schedulers.parallel())
				.block(TIMEOUT);
			assertThat(threads).singleElement().asString().startsWith("writ-mail");
			assertThat(ReceivedMail.awaitOne(smtp, "carol@example.test")).isNotNull();
		}
		finally {
			mailer.destroy();
		}
	}

	@Test
	void sendWhenNoSmtpServerConfiguredThenNotSentNamingTheProperty() {
		Mailer mailer = new Mailer(null, PROPERTIES);
		try {
			assertThat(mailer.canSend()).isFalse();
			assertThatExceptionOfType(MailNotSentException.class)
				.isThrownBy(() -> mailer.send(email("dave@example.test")).block(TIMEOUT))
				.withMessageContaining("spring.mail.host");
		}
		finally {
			mailer.destroy();
		}
	}

	@Test
	void sendWhenSmtpServerUnreachableThenNotSent() {
		Mailer mailer = new Mailer(sender(FreePorts.find()), PROPERTIES);
		try {
			assertThat(mailer.canSend()).isTrue();
			assertThatExceptionOfType(MailNotSentException.class)
				.isThrownBy(() -> mailer.send(email("erin@example.test")).block(TIMEOUT))
				.withMessage("the SMTP server could not be reached or refused the email");
		}
		finally {
			mailer.destroy();
		}
	}

	@Test
	void sendWhenRecipientIsNoAddressThenNotSent() {
		Mailer mailer = new Mailer(sender(smtp.getSmtp().getPort()), PROPERTIES);
		try {
			assertThatExceptionOfType(MailNotSentException.class)
				.isThrownBy(() -> mailer.send(email("not an address <")).block(TIMEOUT))
				.withMessage("the email could not be built: an address in it is malformed");
		}
		finally {
			mailer.destroy();
		}
	}

	@Test
	void sendWhenEveryThreadAndQueuePlaceTakenThenNotSentAtOnce() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		JavaMailSenderImpl stuck = new JavaMailSenderImpl() {
			@Override
			public void send(MimeMessage message) {
				// an SMTP server that does not answer
				try {
					release.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		};
		Mailer mailer = new Mailer(stuck, PROPERTIES);
		List<Disposable> waiting = new ArrayList<>();
		List<Throwable> refused = new CopyOnWriteArrayList<>();
		try {
			// one more than every thread busy and every thread's queue full
			for (int i = 0; i <= Mailer.THREADS * (1 + Mailer.QUEUE_CAPACITY); i++) {
				waiting.add(mailer.send(email("frank@example.test")).subscribe(null, refused::add));
			}
			// refused at once, not after waiting
			assertThat(refused).isNotEmpty()
				.allSatisfy((ex) -> assertThat(ex).isInstanceOf(MailNotSentException.class)
					.hasMessage("too many emails are waiting to be sent; retry shortly"));
		}
		finally {
			release.countDown();
			waiting.forEach(Disposable::dispose);
			mailer.destroy();
		}
	}

}
