package fr.maillage.orientations.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The least the lieu needs to welcome the person (issue 16): her first name, what she
 * needs, and how to contact her if she wishes. Nothing else is asked: no surname, no date
 * of birth, no social number. Encrypted at rest, erased at the end of its retention or
 * when she withdraws her consent.
 */
public record PersonData(String firstName, @Nullable String phone, @Nullable String email, String need) {

	private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 .()-]{6,25}$");

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	/** The same data without blank optional fields and surrounding spaces. */
	public static PersonData of(@Nullable String firstName, @Nullable String phone, @Nullable String email,
			@Nullable String need) {
		return new PersonData(strip(firstName), blankToNull(phone), blankToNull(email), strip(need));
	}

	/** Field → what to fix, in plain French; empty when the data may be sent. */
	public Map<String, String> problems() {
		Map<String, String> problems = new LinkedHashMap<>();
		if (firstName.isEmpty()) {
			problems.put("prenom", "Indiquez le prénom de la personne.");
		}
		else if (firstName.length() > 80) {
			problems.put("prenom", "Le prénom est trop long (80 caractères au plus).");
		}
		if (need.isEmpty()) {
			problems.put("besoin", "Dites en quelques mots ce dont la personne a besoin.");
		}
		else if (need.length() > 1000) {
			problems.put("besoin", "Le besoin est trop long (1 000 caractères au plus).");
		}
		if (phone != null && !PHONE.matcher(phone).matches()) {
			problems.put("telephone",
					"Le téléphone « " + phone + " » n'est pas un numéro (par exemple 06 12 34 56 78).");
		}
		if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
			problems.put("courriel",
					"Le courriel « " + email + " » n'est pas une adresse (par exemple nom@exemple.fr).");
		}
		return problems;
	}

	private static String strip(@Nullable String value) {
		return value == null ? "" : value.strip();
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
