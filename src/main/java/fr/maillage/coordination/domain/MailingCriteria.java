package fr.maillage.coordination.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import fr.maillage.shared.importing.ImportIssue;
import org.jspecify.annotations.Nullable;

/**
 * What a mailing list selects (issue 18, item 7): the actors of a département (« 69 »
 * also those of 69D and 69M), of one EPCI when given, of these types (all when none) with
 * at least one of these competences (all when none).
 */
public record MailingCriteria(String name, String departement, @Nullable String epci, Set<ActorType> types,
		Set<Competence> competences) {

	public static final int MAX_NAME = 120;

	public MailingCriteria {
		types = types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
		competences = competences.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(competences));
	}

	/** Whether an actor falls in the list. */
	public boolean matches(String actorDepartement, @Nullable String actorEpci, ActorType type,
			Set<Competence> actorCompetences) {
		boolean inDepartement = departement.equals(actorDepartement)
				|| (departement.equals("69") && (actorDepartement.equals("69D") || actorDepartement.equals("69M")));
		return inDepartement && (epci == null || epci.equals(actorEpci)) && (types.isEmpty() || types.contains(type))
				&& (competences.isEmpty() || actorCompetences.stream().anyMatch(competences::contains));
	}

	/**
	 * Every problem of a list's name and territory, in French, with its field.
	 * @param knownDepartements codes of the départements (and 69D, 69M)
	 * @param knownEpci SIREN of the EPCI
	 */
	public static List<ImportIssue> problems(String name, String departement, @Nullable String epci,
			Set<String> knownDepartements, Set<String> knownEpci) {
		List<ImportIssue> problems = new ArrayList<>();
		if (name.isBlank()) {
			problems
				.add(new ImportIssue(1L, "nom", name, "Donnez un nom à la liste (par exemple « Mairies du Rhône »)."));
		}
		else if (name.length() > MAX_NAME) {
			problems.add(new ImportIssue(1L, "nom", name.substring(0, 40) + "…",
					"Le nom de la liste dépasse " + MAX_NAME + " caractères."));
		}
		if (departement.isBlank()) {
			problems.add(new ImportIssue(1L, "departement", departement, "Choisissez le département de la liste."));
		}
		else if (!knownDepartements.contains(departement)) {
			problems.add(new ImportIssue(1L, "departement", departement,
					"« " + departement + " » n'est pas un code de département (par exemple 69, 69M ou 2A)."));
		}
		if (epci != null && !knownEpci.contains(epci)) {
			problems.add(new ImportIssue(1L, "epci", epci,
					"« " + epci + " » n'est pas le SIREN d'un EPCI (9 chiffres, par exemple 200046977)."));
		}
		return problems;
	}

}
