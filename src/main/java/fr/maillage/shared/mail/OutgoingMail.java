package fr.maillage.shared.mail;

import java.util.List;

/**
 * Sends one plain-text e-mail, with attachments if any. Implemented by
 * {@code accounts.Mailer} (SMTP, or the dev/test outbox without one); lives here so a
 * module that may not depend on {@code accounts} — the directory's « Envoyer cette fiche
 * », a meeting's invitation — can still send.
 */
public interface OutgoingMail {

	void send(String to, String subject, String body);

	/**
	 * Sends with attachments (a meeting's {@code .ics}). An implementation that cannot
	 * attach sends the text alone.
	 */
	default void send(String to, String subject, String body, List<Attachment> attachments) {
		send(to, subject, body);
	}

	/**
	 * A file joined to an e-mail.
	 *
	 * @param name the file's name, for example {@code reunion.ics}
	 * @param contentType its MIME type, for example {@code text/calendar; charset=UTF-8;
	 * method=REQUEST}
	 */
	record Attachment(String name, String contentType, byte[] content) {

		public Attachment {
			content = content.clone();
		}

		@Override
		public byte[] content() {
			return content.clone();
		}

	}

}
