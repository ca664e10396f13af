package fr.maillage.orientations.domain;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import fr.maillage.shared.text.Siret;

/**
 * What a request for a professional account needs (issue 16): the person's name, a work
 * e-mail, her structure's name and SIRET (or RNA number for an association), checked by
 * {@link Siret}; the territory is checked by the service against the COG. And how often
 * one client may ask: {@value #MAX_PER_CLIENT} requests within {@link #WINDOW}, enough
 * for a colleague or a typing error, too few to flood the coordinators.
 */
public final class AccountRequestRules {

	public static final int MAX_PER_CLIENT = 10;

	public static final Duration WINDOW = Duration.ofHours(1);

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private AccountRequestRules() {
	}

	/**
	 * @return field → what is wrong with it, in French; empty when all is well (the
	 * territory apart)
	 */
	public static Map<String, String> problems(String name, String email, String structureName, String siret) {
		Map<String, String> problems = new LinkedHashMap<>();
		String shownName = name.strip();
		if (shownName.isEmpty()) {
			problems.put("nom", "Indiquez votre prénom et votre nom.");
		}
		else if (shownName.length() > 200) {
			problems.put("nom", "Votre nom est trop long (200 caractères au plus).");
		}
		String address = normaliseEmail(email);
		if (address.isEmpty()) {
			problems.put("courriel", "Indiquez votre adresse électronique professionnelle.");
		}
		else if (!EMAIL.matcher(address).matches() || address.length() > 254) {
			problems.put("courriel",
					"Cette adresse électronique n'est pas valide : elle s'écrit comme prenom.nom@structure.fr.");
		}
		String structure = structureName.strip();
		if (structure.isEmpty()) {
			problems.put("structure",
					"Indiquez le nom de votre structure (France Services, CCAS, mairie, association…).");
		}
		else if (structure.length() > 200) {
			problems.put("structure", "Le nom de la structure est trop long (200 caractères au plus).");
		}
		if (Siret.compact(siret).isEmpty()) {
			problems.put("siret",
					"Indiquez le SIRET de votre structure (14 chiffres, sur annuaire-entreprises.data.gouv.fr)"
							+ " ou, pour une association, son numéro RNA.");
		}
		else {
			Siret.check(siret).ifPresent(problem -> problems.put("siret", problem));
		}
		return problems;
	}

	public static String normaliseEmail(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * @param recent the client's requests within {@link #WINDOW}
	 */
	public static boolean isThrottled(long recent) {
		return recent >= MAX_PER_CLIENT;
	}

}
