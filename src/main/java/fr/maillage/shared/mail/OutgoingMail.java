package fr.maillage.shared.mail;

/**
 * Sends one plain-text e-mail. Implemented by {@code accounts.Mailer} (SMTP, or the
 * dev/test outbox without one); lives here so a module that may not depend on
 * {@code accounts} — the directory's « Envoyer cette fiche » — can still send.
 */
public interface OutgoingMail {

	void send(String to, String subject, String body);

}
