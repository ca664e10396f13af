package fr.maillage.coordination.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import fr.maillage.shared.importing.ImportIssue;
import fr.maillage.shared.text.Siret;
import org.jspecify.annotations.Nullable;

/**
 * What an actor's entry must hold, the same for the form, the API and a CSV row (issue
 * 18): a name, a known type and département, a valid SIRET when given (check digit),
 * known competences, a referent named when contact details are given. Every problem is
 * reported with its line, field, value and reason, in French; nothing is guessed.
 */
public final class ActorRules {

	/** The fields of an entry, as the CSV columns and the form name them. */
	public static final List<String> FIELDS = List.of("nom", "siret", "type", "departement", "epci", "competences",
			"referent_nom", "referent_courriel", "referent_telephone", "consentement_contact",
			"consentement_invitations");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Pattern EPCI = Pattern.compile("\\d{9}");

	private static final Pattern PHONE = Pattern.compile("(?:\\+33|0)[1-9]\\d{8}");

	private static final Set<String> YES = Set.of("oui", "o", "true", "vrai", "1", "on", "yes");

	private static final Set<String> NO = Set.of("non", "n", "false", "faux", "0", "");

	private ActorRules() {
	}

	/** An entry read, or why not. */
	public sealed interface Reading {

		record Accepted(ActorEntry entry) implements Reading {
		}

		record Refused(List<ImportIssue> issues) implements Reading {
		}

	}

	/**
	 * @param fields field → value as typed (absent or blank: not given)
	 * @param line the CSV line, 1 for a form or the API
	 * @param departements the codes of the départements (and 69D, 69M) of the map
	 */
	public static Reading read(Map<String, String> fields, long line, Set<String> departements) {
		List<ImportIssue> issues = new ArrayList<>();
		String name = value(fields, "nom");
		if (name == null) {
			issues.add(new ImportIssue(line, "nom", null, "Indiquez le nom de la structure."));
		}
		else if (name.length() > 200) {
			issues.add(new ImportIssue(line, "nom", name, "Le nom a plus de 200 caractères."));
		}
		String siret = value(fields, "siret");
		if (siret != null) {
			String problem = Siret.check(siret).orElse(null);
			if (problem != null) {
				issues.add(new ImportIssue(line, "siret", siret, problem));
			}
			siret = Siret.compact(siret);
		}
		String typed = value(fields, "type");
		ActorType type = typed == null ? null : ActorType.findByCode(typed).orElse(null);
		if (type == null) {
			issues.add(new ImportIssue(line, "type", typed,
					(typed == null ? "Indiquez le type de structure" : "« " + typed + " » n'est pas un type connu")
							+ " : "
							+ java.util.Arrays.stream(ActorType.values())
								.map(ActorType::code)
								.collect(Collectors.joining(", "))
							+ "."));
		}
		String departement = value(fields, "departement");
		if (departement == null || !departements.contains(departement.toUpperCase(Locale.ROOT))) {
			issues.add(new ImportIssue(line, "departement", departement,
					departement == null ? "Indiquez le département où la structure agit (par exemple 69, 69M ou 2A)."
							: "« " + departement + " » n'est pas un code de département (par exemple 69, 69M ou 2A)."));
		}
		String epci = value(fields, "epci");
		if (epci != null && !EPCI.matcher(epci).matches()) {
			issues.add(new ImportIssue(line, "epci", epci, "Le SIREN d'un EPCI a 9 chiffres."));
		}
		Set<Competence> competences = EnumSet.noneOf(Competence.class);
		String listed = value(fields, "competences");
		if (listed != null) {
			for (String one : listed.split("[|,;]")) {
				if (one.isBlank()) {
					continue;
				}
				Competence competence = Competence.findByCode(one).orElse(null);
				if (competence == null) {
					issues.add(new ImportIssue(line, "competences", one.strip(),
							"« " + one.strip() + " » n'est pas une compétence connue : "
									+ java.util.Arrays.stream(Competence.values())
										.map(Competence::code)
										.collect(Collectors.joining(", "))
									+ "."));
				}
				else {
					competences.add(competence);
				}
			}
		}
		ActorEntry.Referent referent = referent(fields, line, issues);
		Map<ConsentPurpose, Boolean> consents = consents(fields, line, referent != null, issues);
		if (!issues.isEmpty()) {
			return new Reading.Refused(issues);
		}
		return new Reading.Accepted(new ActorEntry(name, siret, type, departement.toUpperCase(Locale.ROOT), epci,
				competences, referent, consents));
	}

	private static ActorEntry.@Nullable Referent referent(Map<String, String> fields, long line,
			List<ImportIssue> issues) {
		String name = value(fields, "referent_nom");
		String email = value(fields, "referent_courriel");
		String phone = value(fields, "referent_telephone");
		if (email != null && !EMAIL.matcher(email).matches()) {
			issues.add(new ImportIssue(line, "referent_courriel", email,
					"Adresse électronique non reconnue (par exemple prenom.nom@mairie.fr)."));
		}
		String digits = phone == null ? null : phone.replaceAll("[\\s.\\-]", "");
		if (digits != null && !PHONE.matcher(digits).matches()) {
			issues.add(new ImportIssue(line, "referent_telephone", phone,
					"Numéro de téléphone non reconnu : 10 chiffres, par exemple 04 78 00 00 00."));
		}
		if (name == null) {
			if (email != null || phone != null) {
				issues.add(new ImportIssue(line, "referent_nom", null,
						"Indiquez le nom du référent dont vous donnez les coordonnées."));
			}
			return null;
		}
		return new ActorEntry.Referent(name, email, digits);
	}

	/**
	 * Each consent column: oui, non, or not stated (left as recorded). A consent needs a
	 * referent to give it.
	 */
	private static Map<ConsentPurpose, Boolean> consents(Map<String, String> fields, long line, boolean hasReferent,
			List<ImportIssue> issues) {
		Map<ConsentPurpose, Boolean> consents = new EnumMap<>(ConsentPurpose.class);
		for (ConsentPurpose purpose : ConsentPurpose.values()) {
			String consent = value(fields, purpose.field());
			if (consent == null) {
				continue;
			}
			String folded = consent.toLowerCase(Locale.ROOT);
			if (YES.contains(folded)) {
				if (!hasReferent) {
					issues.add(new ImportIssue(line, purpose.field(), consent,
							"Indiquez le nom du référent qui donne son accord."));
				}
				consents.put(purpose, true);
			}
			else if (NO.contains(folded)) {
				consents.put(purpose, false);
			}
			else {
				issues.add(new ImportIssue(line, purpose.field(), consent, purpose == ConsentPurpose.PUBLICATION
						? "Répondez oui ou non : le référent accepte-t-il que ses coordonnées soient publiées ?"
						: "Répondez oui ou non : le référent accepte-t-il de recevoir les invitations de la coordination ?"));
			}
		}
		return consents;
	}

	private static @Nullable String value(Map<String, String> fields, String field) {
		String value = fields.get(field);
		return value == null || value.isBlank() ? null : value.strip();
	}

}
