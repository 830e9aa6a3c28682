package dev.writ.server.mail;

/**
 * One email to one recipient, in plain text and in HTML (RFC 2046 §5.1.4
 * {@code multipart/alternative}): mail clients show the HTML, and the text is there for
 * those that will not, and for filters that score HTML-only mail as spam.
 *
 * @param to the recipient's address
 * @param subject the subject line
 * @param text the plain-text body
 * @param html the HTML body, every value in it already escaped
 */
public record Email(String to, String subject, String text, String html) {

}
