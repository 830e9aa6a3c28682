/**
 * Outgoing email over SMTP.
 *
 * <p>
 * {@link dev.writ.server.mail.Mailer} sends an {@link dev.writ.server.mail.Email} (plain
 * text and HTML) through the {@code JavaMailSender} Spring Boot configures from
 * {@code spring.mail.*}, on a bounded scheduler of its own, since JavaMail blocks.
 * Without {@code spring.mail.host} the server starts all the same and every send fails
 * with {@link dev.writ.server.mail.MailNotSentException}.
 */
@NullMarked
package dev.writ.server.mail;

import org.jspecify.annotations.NullMarked;
