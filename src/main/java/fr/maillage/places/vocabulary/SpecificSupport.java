package fr.maillage.places.vocabulary;

/**
 * Specific support a place can give (disabilities, languages, illiteracy) (schema field
 * {@code prise_en_charge_specifique}).
 */
public enum SpecificSupport implements Vocabulary {

	DEAFNESS("Surdité"),

	MOTOR_DISABILITIES("Handicaps moteurs"),

	MENTAL_DISABILITIES("Handicaps mentaux"),

	ILLITERACY("Illettrisme"),

	ENGLISH("Langues étrangères (anglais)"),

	OTHER_LANGUAGES("Langues étrangères (autres)"),

	VISUAL_IMPAIRMENT("Déficience visuelle");

	private final String label;

	SpecificSupport(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}

}
