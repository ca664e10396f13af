package fr.maillage.opendata.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import fr.maillage.shared.importing.ImportIssue;
import org.jspecify.annotations.Nullable;
import fr.maillage.opendata.schema.SchemaField;
import fr.maillage.places.hours.FrenchHoursReader;
import fr.maillage.places.hours.HoursInWords;
import fr.maillage.places.hours.HoursReading;
import fr.maillage.shared.text.WebAddresses;

/**
 * The rules an import applies by dropping a value (ADR 0004), applied to a person's edit
 * by refusing it: a person typing in a form can fix the value at once, and a silently
 * dropped field would look saved. Same limits and French reasons as the import.
 */
public final class EditedValues {

	/** Longest reason an editor may give for an edit or a proposal. */
	public static final int REASON_LIMIT = 500;

	private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*[|;]\\s*");

	private EditedValues() {
	}

	/**
	 * @param values schema field → value as typed (lists joined with "|")
	 * @return one issue per field that cannot be saved, line 1
	 */
	public static List<ImportIssue> check(Map<String, String> values) {
		List<ImportIssue> errors = new ArrayList<>();
		values.forEach((column, value) -> {
			Optional<SchemaField> field = SchemaField.findByColumnName(column);
			if (field.isEmpty() || value == null) {
				return;
			}
			String typed = value.strip();
			int limit = field.get().lengthLimit();
			if (typed.length() > limit) {
				errors.add(new ImportIssue(1L, column, excerpt(typed), "Texte trop long : " + typed.length()
						+ " caractères, au plus " + limit + " pour « " + column + " »."));
				return;
			}
			if (field.get().webAddress() && !typed.isEmpty()) {
				List<String> addresses = field.get().list() ? LIST_SEPARATOR.splitAsStream(typed).toList()
						: List.of(typed);
				addresses.stream()
					.filter(address -> !address.isBlank() && !isAcceptedAddress(address))
					.findFirst()
					.ifPresent(address -> errors.add(new ImportIssue(1L, column, excerpt(address),
							"Adresse web invalide : seules les adresses http:// ou https:// complètes sont acceptées.")));
			}
		});
		return errors;
	}

	/**
	 * Hours as an editor typed them: OpenStreetMap's syntax is kept as it is, hours
	 * written in words ("lundi 10h30-12h, mercredi 14h-17h") are read into it; what is
	 * neither is refused with an example of what is understood.
	 */
	public static HoursReading readHours(String typed) {
		String hours = typed.strip();
		if (OpeningHoursSyntax.check(hours) instanceof OpeningHoursSyntax.Valid) {
			return new HoursReading.Understood(hours, HoursInWords.words(hours).orElse(hours));
		}
		return FrenchHoursReader.read(hours);
	}

	/**
	 * What an import takes with a warning, an edit refuses when the warning says a typed
	 * value was lost, guessed or contradicts another (issue 15: « 6910 » silently became
	 * « 06910 », an Alpes-Maritimes code; « 04 78 pas de tel » silently vanished).
	 * Warnings that only say a value was written in its standard form (a phone in
	 * international form, spaces removed, hours in words converted) let the edit through.
	 */
	public static boolean refuses(ImportIssue warning) {
		String message = warning.message();
		return LOST_GUESSED_OR_CONTRADICTED.stream().anyMatch(message::contains);
	}

	/**
	 * Words of the import's warnings that say a value was lost, guessed or contradicted.
	 */
	private static final List<String> LOST_GUESSED_OR_CONTRADICTED = List.of("ignoré", "ignorée", "ignorés", "ignorées",
			"est rétabli", "incohérent", "à vérifier", "considérée comme inconnue", "tronqué", "coupé");

	/**
	 * What the editor reads next to the field an import's warning refuses: said for
	 * someone who typed the value (what to type instead), not for a producer whose file
	 * was repaired — « le zéro initial est rétabli » would contradict « corrigez ».
	 * @param field the field the editor typed ({@link #typedField})
	 * @param typed what the editor typed in it
	 */
	public static String editMessage(ImportIssue warning, String field, @Nullable String typed) {
		String value = typed == null ? "" : typed.strip();
		String message = warning.message();
		if (field.equals("telephone") && message.contains("non reconnu")) {
			return "« " + value + " » n'est pas un numéro de téléphone : tapez ses 10 chiffres, par exemple "
					+ "04 78 00 00 00, ou videz le champ.";
		}
		if (field.equals("code_postal") && message.contains("est rétabli")) {
			return "Un code postal a 5 chiffres, « " + value + " » n'en a que " + value.replace(" ", "").length()
					+ " : tapez-le en entier, par exemple 69100.";
		}
		java.util.regex.Matcher mismatch = POSTCODE_MISMATCH.matcher(message);
		if (mismatch.find()) {
			return "Le code postal " + mismatch.group(2) + " n'est pas celui de " + mismatch.group(1)
					+ " : corrigez le code postal ou la commune.";
		}
		return message + " Corrigez la valeur ou videz le champ.";
	}

	/** The import's warning that a commune does not have the postcode given. */
	private static final java.util.regex.Pattern POSTCODE_MISMATCH = java.util.regex.Pattern
		.compile("Code INSEE \\S+ \\((.+)\\) incohérent avec le code postal (\\S+)");

	/**
	 * The field the editor typed that a warning is about: the consistency of a commune's
	 * code is checked on {@code code_insee}, which the form derives from the postcode and
	 * the commune.
	 */
	public static String typedField(ImportIssue warning, java.util.Set<String> changed) {
		if ("code_insee".equals(warning.champ()) && !changed.contains("code_insee")) {
			return changed.contains("code_postal") || !changed.contains("commune") ? "code_postal" : "commune";
		}
		return warning.champ();
	}

	/** The reason given for an edit, when it is too long. */
	public static Optional<ImportIssue> checkReason(String reason) {
		String typed = reason == null ? "" : reason.strip();
		return typed.length() <= REASON_LIMIT ? Optional.empty() : Optional.of(new ImportIssue(1L, "motif",
				excerpt(typed),
				"Texte trop long : " + typed.length() + " caractères, au plus " + REASON_LIMIT + " pour le motif."));
	}

	/** As the import: an address that only lacks "https://" is completed. */
	private static boolean isAcceptedAddress(String address) {
		return WebAddresses.isHttp(address)
				|| address.regionMatches(true, 0, "www.", 0, 4) && WebAddresses.isHttp("https://" + address);
	}

	private static String excerpt(String value) {
		return value.length() <= RecordNormalizer.ISSUE_VALUE_LENGTH ? value
				: value.substring(0, RecordNormalizer.ISSUE_VALUE_LENGTH - 1) + "…";
	}

}
