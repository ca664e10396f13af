package fr.maillage.coordination.domain;

import java.util.List;

/**
 * An announcement's text as its recipient reads it (ADR 0027): the coordinator's subject
 * and text, then why they receive it and their personal unsubscribe link — the only way
 * to unsubscribe a plain-text message offers (no List-Unsubscribe header).
 */
public final class AnnouncementMessage {

	public static final int MAX_SUBJECT = 150;

	public static final int MAX_TEXT = 20_000;

	private AnnouncementMessage() {
	}

	/** The subject on one line. */
	public static String subject(String typed) {
		return typed.replaceAll("[\\r\\n\\t]+", " ").strip();
	}

	/**
	 * @param structures the structures of which the recipient is the referent
	 * @param unsubscribeLink the personal link
	 */
	public static String body(String text, List<String> structures, String unsubscribeLink) {
		String as = structures.isEmpty() ? "référent·e d'une structure"
				: "référent·e de " + String.join(", ", structures.stream().map(name -> "« " + name + " »").toList());
		return text.strip().replace("\r\n", "\n") + "\n\n-- \n"
				+ "Vous recevez ce message de la coordination de l'inclusion numérique de votre territoire, en tant que "
				+ as + " dans l'annuaire des acteurs, parce que vous avez accepté d'en recevoir les invitations et "
				+ "annonces.\n" + "Pour ne plus les recevoir, un clic suffit : " + unsubscribeLink + "\n";
	}

	/**
	 * What is wrong with a subject and a text, field → message in French; empty when
	 * fine.
	 */
	public static java.util.Map<String, String> problems(String subject, String text) {
		java.util.Map<String, String> problems = new java.util.LinkedHashMap<>();
		String oneLine = subject(subject);
		if (oneLine.isEmpty()) {
			problems.put("objet",
					"Écrivez l'objet de l'annonce : c'est la première chose que lisent les destinataires.");
		}
		else if (oneLine.length() > MAX_SUBJECT) {
			problems.put("objet", "L'objet dépasse " + MAX_SUBJECT + " caractères (" + oneLine.length()
					+ ") : raccourcissez-le, le détail va dans le texte.");
		}
		if (text.isBlank()) {
			problems.put("texte", "Écrivez le texte de l'annonce.");
		}
		else if (text.length() > MAX_TEXT) {
			problems.put("texte", "Le texte dépasse " + MAX_TEXT + " caractères (" + text.length() + ").");
		}
		return problems;
	}

}
