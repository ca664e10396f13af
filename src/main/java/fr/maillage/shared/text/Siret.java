package fr.maillage.shared.text;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The identifier an editor types in the schema's {@code pivot}: a SIRET (14 digits, the
 * last a Luhn check digit), or an association's RNA number (W and 9 characters). A
 * mistyped digit breaks the Luhn sum, so a typing error is caught in the form rather than
 * published. La Poste's establishments share the SIREN 356 000 000 and are numbered
 * beyond what Luhn allows: INSEE checks them with the sum of their digits, a multiple of
 * 5.
 */
public final class Siret {

	private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-\\u00a0\\u202f]");

	private static final Pattern DIGITS = Pattern.compile("\\d+");

	private static final Pattern RNA = Pattern.compile("W[0-9A-Z]\\d{8}");

	private static final String LA_POSTE_SIREN = "356000000";

	private Siret() {
	}

	/** The identifier without the spaces, dots or dashes people type in it. */
	public static String compact(String typed) {
		return SEPARATORS.matcher(typed.strip()).replaceAll("").toUpperCase(java.util.Locale.ROOT);
	}

	/**
	 * @param typed as typed; blank means none (the schema keeps the lieu without pivot)
	 * @return what is wrong, in French, or nothing when the identifier is a valid SIRET
	 * or RNA number (or left empty)
	 */
	public static Optional<String> check(String typed) {
		String value = compact(typed);
		if (value.isEmpty()) {
			return Optional.empty();
		}
		if (value.startsWith("W")) {
			return RNA.matcher(value).matches() ? Optional.empty()
					: Optional.of("Un numéro RNA s'écrit W suivi de 9 chiffres (par exemple W691234567) : « "
							+ typed.strip() + " » en a " + (value.length() - 1) + ".");
		}
		if (!DIGITS.matcher(value).matches()) {
			return Optional.of("Un SIRET ne contient que des chiffres (14) ; un numéro RNA commence par W.");
		}
		if (value.length() != 14) {
			return Optional.of("Un SIRET a 14 chiffres, « " + typed.strip() + " » en a " + value.length()
					+ (value.length() == 9 ? " (c'est un SIREN : ajoutez les 5 chiffres de l'établissement)." : "."));
		}
		if (!hasValidCheckDigit(value)) {
			return Optional.of("Ce SIRET n'existe pas : un chiffre est probablement mal recopié (la clé de contrôle"
					+ " ne correspond pas). Vérifiez-le sur annuaire-entreprises.data.gouv.fr.");
		}
		return Optional.empty();
	}

	/**
	 * Luhn's sum of the 14 digits, or La Poste's rule for its establishments (its head
	 * office, 356 000 000 00048, passes Luhn).
	 */
	static boolean hasValidCheckDigit(String fourteenDigits) {
		if (fourteenDigits.startsWith(LA_POSTE_SIREN) && fourteenDigits.chars().map(c -> c - '0').sum() % 5 == 0) {
			return true;
		}
		int sum = 0;
		for (int i = 0; i < fourteenDigits.length(); i++) {
			int digit = fourteenDigits.charAt(fourteenDigits.length() - 1 - i) - '0';
			if (i % 2 == 1) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
		}
		return sum % 10 == 0;
	}

}
