package fr.maillage.coordination.domain;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A charter's version and a signature (issue 18, « Création d'une charte d'engagement »):
 * a version has a title, a text of plain paragraphs and its publication date; a signature
 * names its signatory, their role, and a date neither in the future nor before the
 * version was published.
 */
public final class CharterRules {

	public static final int MAX_TEXT = 30_000;

	private CharterRules() {
	}

	public record VersionEntry(String title, String text, LocalDate publishedOn) {

		/** The text's paragraphs, split at blank lines. */
		public List<String> paragraphs() {
			return CharterRules.paragraphs(text);
		}

	}

	public record SignatureEntry(String signatory, @Nullable String role, LocalDate signedOn) {
	}

	public sealed interface Reading<T> {

		record Accepted<T>(T entry) implements Reading<T> {
		}

		record Refused<T>(Map<String, String> problems) implements Reading<T> {
		}

	}

	public static Reading<VersionEntry> readVersion(Map<String, String> fields, LocalDate today) {
		FormReading form = new FormReading(fields);
		String title = form.required("titre", "Titre", 200);
		String text = form.required("texte", "Texte de la charte", MAX_TEXT);
		LocalDate published = form.date("publiee_le", "Date de publication");
		if (published == null && !form.hasProblem("publiee_le")) {
			published = today;
		}
		if (!form.isValid()) {
			return new Reading.Refused<>(form.problems());
		}
		return new Reading.Accepted<>(new VersionEntry(title, normalize(text), published));
	}

	/**
	 * @param versionPublished the publication date of the version signed
	 */
	public static Reading<SignatureEntry> readSignature(Map<String, String> fields, LocalDate versionPublished,
			LocalDate today) {
		FormReading form = new FormReading(fields);
		String signatory = form.required("signataire_nom", "Nom du signataire", 200);
		String role = form.optional("signataire_fonction", "Fonction du signataire", 200);
		LocalDate signed = form.date("signee_le", "Date de signature");
		if (signed == null && !form.hasProblem("signee_le")) {
			signed = today;
		}
		if (signed != null && signed.isAfter(today)) {
			form.problem("signee_le", "Date de signature : le " + signed + " est à venir.");
		}
		else if (signed != null && signed.isBefore(versionPublished)) {
			form.problem("signee_le", "Date de signature : le " + signed
					+ " est avant la publication de cette version (" + versionPublished + ").");
		}
		if (!form.isValid()) {
			return new Reading.Refused<>(form.problems());
		}
		return new Reading.Accepted<>(new SignatureEntry(signatory, role, signed));
	}

	/** Plain paragraphs: lines stripped, at most one blank line between paragraphs. */
	static String normalize(String text) {
		return String.join("\n\n", paragraphs(text));
	}

	public static List<String> paragraphs(String text) {
		return Arrays.stream(text.replace("\r\n", "\n").split("\n\\s*\n"))
			.map(paragraph -> paragraph.strip().replaceAll("[ \\t]*\n[ \\t]*", "\n"))
			.filter(paragraph -> !paragraph.isEmpty())
			.toList();
	}

}
