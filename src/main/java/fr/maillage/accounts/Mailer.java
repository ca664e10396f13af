package fr.maillage.accounts;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import fr.maillage.accounts.persistence.JdbcAccountRepository;
import fr.maillage.shared.mail.OutgoingMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Sends e-mail through the SMTP server configured with {@code spring.mail.*}. Without one
 * (development, tests), the message goes to the outbox table instead, shown at
 * {@code /dev/courriels} in the dev profile: links are never lost, never sent by
 * accident. Attachments (a meeting's {@code .ics}) travel in a multipart message; the
 * outbox keeps them beside the text.
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

	@Override
	public void send(String to, String subject, String body, List<Attachment> attachments) {
		if (attachments.isEmpty()) {
			send(to, subject, body);
			return;
		}
		JavaMailSender sender = smtp.getIfAvailable();
		if (sender == null) {
			repository.insertMail(to, subject, body, attachments.stream().map(Attachment::name).toList(),
					attachments.stream().map(Attachment::contentType).toList(),
					attachments.stream().map(file -> Base64.getEncoder().encodeToString(file.content())).toList(),
					clock.instant());
			log.info("No SMTP server configured: e-mail '{}' kept in the outbox with {} attachment(s)", subject,
					attachments.size());
			return;
		}
		MimeMessage message = sender.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
			helper.setFrom(from);
			helper.setTo(to);
			helper.setSubject(subject);
			helper.setText(body, false);
			for (Attachment file : attachments) {
				helper.addAttachment(file.name(), new ByteArrayResource(file.content()), file.contentType());
			}
		}
		catch (MessagingException unwritable) {
			throw new MailPreparationException("The e-mail could not be written", unwritable);
		}
		sender.send(message);
	}

}
