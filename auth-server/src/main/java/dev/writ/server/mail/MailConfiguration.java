package dev.writ.server.mail;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The {@link Mailer}, on Spring Boot's {@link JavaMailSender} when there is one: Boot
 * creates it only when {@code spring.mail.host} is set, and the server must start without
 * it.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	@Bean
	Mailer mailer(ObjectProvider<JavaMailSender> sender, MailProperties properties) {
		return new Mailer(sender.getIfAvailable(), properties);
	}

}
