package fr.maillage.accounts;

import java.time.Clock;

import fr.maillage.accounts.persistence.JdbcAccountRepository;
import fr.maillage.shared.mail.OutgoingMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Sends e-mail through the SMTP server configured with {@code spring.mail.*}. Without one
 * (development, tests), the message goes to the outbox table instead, shown at
 * {@code /dev/courriels} in the dev profile: links are never lost, never sent by
 * accident.
 */
@Service
public class Mailer implements OutgoingMail {

	private static final Logger log = LoggerFactory.getLogger(Mailer.class);

	private final ObjectProvider<JavaMailSender> smtp;

	private final JdbcAccountRepository repository;

	private final Clock clock;

	private final String from;

	Mailer(ObjectProvider<JavaMailSender> smtp, JdbcAccountRepository repository, Clock clock,
			org.springframework.core.env.Environment environment) {
		this.smtp = smtp;
		this.repository = repository;
		this.clock = clock;
		this.from = environment.getProperty("maillage.courriel.expediteur", "ne-pas-repondre@maillage.local");
	}

	@Override
	public void send(String to, String subject, String body) {
		JavaMailSender sender = smtp.getIfAvailable();
		if (sender == null) {
			repository.insertMail(to, subject, body, clock.instant());
			// never the recipient: an address typed on a public page must not outlive the
			// sending
			log.info("No SMTP server configured: e-mail '{}' kept in the outbox", subject);
			return;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(from);
		message.setTo(to);
		message.setSubject(subject);
		message.setText(body);
		sender.send(message);
	}

}
