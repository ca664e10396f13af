package fr.maillage.coordination.domain;

import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * What a governance body's form must say: a name, a type, its département; a
 * sous-gouvernance covers an EPCI (its SIREN) or a named sector of the département.
 */
public final class BodyRules {

	public static final int MAX_NAME = 200;

	private BodyRules() {
	}

	/** A body as entered. */
	public record BodyEntry(String name, BodyType type, String departement, @Nullable String epci,
			@Nullable String secteur, @Nullable String description) {
	}

	/** The body, or each problem by field (nom, type, departement, epci, secteur…). */
	public sealed interface Reading {

		record Accepted(BodyEntry entry) implements Reading {
		}

		record Refused(Map<String, String> problems) implements Reading {
		}

	}

	/**
	 * @param departements the known codes (départements, 69D, 69M)
	 * @param knownEpci whether a SIREN names an EPCI
	 */
	public static Reading read(Map<String, String> fields, Set<String> departements, Predicate<String> knownEpci) {
		FormReading form = new FormReading(fields);
		String name = form.required("nom", "Nom de l'instance", MAX_NAME);
		BodyType type = null;
		String typeCode = form.value("type");
		if (typeCode == null) {
			form.problem("type", "Type d'instance : à choisir.");
		}
		else {
			type = BodyType.findByCode(typeCode).orElse(null);
			if (type == null) {
				form.problem("type", "Type d'instance inconnu : « " + typeCode + " ».");
			}
		}
		String departement = form.value("departement");
		if (departement == null) {
			form.problem("departement", "Département : à choisir.");
		}
		else {
			departement = departement.toUpperCase(java.util.Locale.ROOT);
			if (!departements.contains(departement)) {
				form.problem("departement", "« " + form.value("departement") + " » n'est pas un code de département.");
			}
		}
		String epci = form.value("epci");
		if (epci != null) {
			epci = epci.replace(" ", "");
			if (!epci.matches("\\d{9}") || !knownEpci.test(epci)) {
				form.problem("epci", "« " + form.value("epci")
						+ " » n'est pas le SIREN d'une intercommunalité (9 chiffres, par exemple 200046977).");
			}
		}
		String secteur = form.optional("secteur", "Secteur", MAX_NAME);
		if (type == BodyType.SOUS_GOUVERNANCE && epci == null && secteur == null && !form.hasProblem("epci")
				&& !form.hasProblem("secteur")) {
			form.problem("secteur",
					"Une sous-gouvernance couvre une intercommunalité (son SIREN) ou un secteur nommé : renseignez l'un des deux.");
		}
		String description = form.optional("description", "Description", 4000);
		if (!form.isValid()) {
			return new Reading.Refused(form.problems());
		}
		return new Reading.Accepted(new BodyEntry(name, type, departement, epci, secteur, description));
	}

}
