package fr.maillage.opendata.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import fr.maillage.opendata.schema.SchemaField;
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
